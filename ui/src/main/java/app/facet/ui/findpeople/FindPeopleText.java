package app.facet.ui.findpeople;

import app.facet.ui.people.FindPeopleResult;

import java.util.Locale;

/** The Find People window's sentences: what a run did, and what is left to do. */
final class FindPeopleText {
    private FindPeopleText() {
    }

    /**
     * What one run did. Faces without an embedding cannot be compared at all, so when there are any the sentence says
     * how many and why, instead of a bare "0 of 0".
     */
    static String summary(FindPeopleResult r) {
        var rec = r.recognition();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "Recognised %d of %d unknown faces with an embedding as named people (%d suggestions);"
                        + " %d faces grouped, in %.1f s.",
                rec.autoAssigned(), rec.facesChecked(), rec.suggested(), r.clustering().facesConsidered(),
                (rec.elapsed().toMillis() + r.clustering().elapsed().toMillis()) / 1000.0));
        if (r.withoutEmbedding() > 0) {
            sb.append(' ').append(r.withoutEmbedding()).append(r.withoutEmbedding() == 1 ? " face has" : " faces have")
                    .append(" no embedding and cannot be compared: ").append(r.whyNoEmbedding()).append('.');
        }
        return sb.toString();
    }

    /** e.g. "5 groups of unknown faces to name · 2 suggestions to review". */
    static String remaining(int groups, int suggestions) {
        String g = groups == 0 ? "No groups left to name" : groups + (groups == 1 ? " group" : " groups") + " of unknown faces to name";
        String s = suggestions == 0 ? "no suggestions to review" : suggestions + (suggestions == 1 ? " suggestion" : " suggestions") + " to review";
        return g + " · " + s;
    }
}
