package app.facet.core.rules;

/** A box the user drew in the crop editor is stored with this detector id: the one mark of a hand-drawn face. */
public final class ManualBox {
    public static final String DETECTOR = "manual";

    private ManualBox() {
    }
}
