package app.facet.core.catalog;

/** A user decision on a face that outlives the face row ({@code orphaned_decisions.kind}). */
public enum DecisionKind {
    /** The user put the face on a person ({@code assigned_by = user}). */
    PERSON("person"),
    /** The user marked the detection "not a face". */
    NOT_A_FACE("not_a_face"),
    /** The user said the face is not a given person ({@code face_person_rejections}). */
    NOT_THIS_PERSON("not_this_person"),
    /** The user drew (or moved) the box in the crop editor ({@code detector = manual}). */
    HAND_DRAWN_BOX("hand_drawn_box"),
    /** The user chose the face as a person's cover ({@code persons.cover_face_id}). */
    COVER("cover");

    private final String sql;

    DecisionKind(String sql) {
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }

    /** @throws IllegalArgumentException for a value the schema's CHECK does not allow */
    public static DecisionKind fromSql(String s) {
        for (DecisionKind k : values()) {
            if (k.sql.equals(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown decision kind: " + s);
    }
}
