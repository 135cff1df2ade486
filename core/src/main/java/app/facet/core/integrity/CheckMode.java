package app.facet.core.integrity;

/** How deep an integrity check goes. */
public enum CheckMode {
    /** SQL only: no file system access and no embedding decoding; meant for start-up (under a second on 100k photos). */
    QUICK,
    /** Everything: also stats every photo and crop file, lists the crops folder and decodes every embedding. */
    FULL
}
