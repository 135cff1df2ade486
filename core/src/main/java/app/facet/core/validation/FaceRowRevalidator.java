package app.facet.core.validation;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.FaceCropStore;
import app.facet.core.catalog.Tx;
import app.facet.core.rules.FaceRowRules;
import app.facet.core.rules.ManagedFolder;
import app.facet.core.rules.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;

/**
 * Stores the one rule set's verdict on stored face rows: a row that breaks a rule is flagged
 * {@code status='invalid'} with the reasons (shown by the dashboard and the integrity check, never hidden or deleted
 * here); a flagged row that keeps every rule again is marked valid. The scan's sink flags only the rows it has just
 * written ({@link #flag(Tx, Collection)}); the whole catalog is judged by the integrity check, or on request from the
 * dashboard ({@link #run()}).
 */
public final class FaceRowRevalidator {
    private static final Logger log = LoggerFactory.getLogger(FaceRowRevalidator.class);

    private final Catalog catalog;
    private final ManagedFolder managed;
    private final FaceCropStore store = new FaceCropStore();

    public FaceRowRevalidator(Catalog catalog) {
        this.catalog = catalog;
        this.managed = ManagedFolder.of(catalog.location().managedDir());
    }

    /** Counts of one pass. */
    public record Result(long checked, long flaggedInvalid, long restoredValid) {
    }

    /** Judges every stored face row in one transaction. @throws app.facet.core.catalog.CatalogException on a database error */
    public Result run() {
        return Tx.write(catalog, "re-validate stored faces", tx -> {
            Counter counter = new Counter(tx, rules(tx));
            store.forEachFacts(tx, counter::judge);
            return counter.result();
        });
    }

    /** Judges the faces {@code faceIds} inside the caller's transaction (e.g. the rows a scan has just written). */
    public Result flag(Tx tx, Collection<Long> faceIds) {
        Counter counter = new Counter(tx, rules(tx));
        if (!faceIds.isEmpty()) {
            store.forEachFacts(tx, faceIds, counter::judge);
        }
        return counter.result();
    }

    private FaceRowRules rules(Tx tx) {
        return new FaceRowRules(managed, path -> store.isSomeCropPath(tx, path));
    }

    /** Applies the verdicts of one pass and counts them. */
    private final class Counter {
        private final Tx tx;
        private final FaceRowRules rules;
        private long checked, flagged, restored;

        Counter(Tx tx, FaceRowRules rules) {
            this.tx = tx;
            this.rules = rules;
        }

        void judge(FaceCropStore.StoredFacts row) {
            checked++;
            List<RuleViolation> violations = rules.check(row.facts(), true);
            String reason = RuleViolation.reasons(violations);
            if (!violations.isEmpty() && !reason.equals(row.invalidReason())) {
                store.flagInvalid(tx, row.faceId(), reason);
                if (!row.flaggedInvalid()) {
                    flagged++;
                    log.warn("event=face_crop_flagged_invalid face_id={} reason=\"{}\"", row.faceId(), reason);
                }
            } else if (violations.isEmpty() && row.flaggedInvalid()) {
                store.markValid(tx, row.faceId());
                restored++;
                log.info("event=face_crop_valid_again face_id={}", row.faceId());
            }
        }

        Result result() {
            return new Result(checked, flagged, restored);
        }
    }
}
