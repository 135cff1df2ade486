package app.facet.core.dashboard;

import app.facet.model.QualityLabel;

/** Which faces a listing keeps by quality. */
public enum QualityFilter {
    ANY, EXCELLENT, GOOD, FAIR, POOR,
    /** Faces without a stored quality score. */
    NOT_MEASURED;

    /** @return the label this filter keeps, null for ANY and NOT_MEASURED */
    public QualityLabel label() {
        return switch (this) {
            case EXCELLENT -> QualityLabel.EXCELLENT;
            case GOOD -> QualityLabel.GOOD;
            case FAIR -> QualityLabel.FAIR;
            case POOR -> QualityLabel.POOR;
            default -> null;
        };
    }

    public String display() {
        return this == ANY ? "Any quality" : this == NOT_MEASURED ? "Not measured" : label().display();
    }
}
