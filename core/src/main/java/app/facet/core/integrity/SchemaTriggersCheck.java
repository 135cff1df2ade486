package app.facet.core.integrity;

import app.facet.core.catalog.CatalogException;
import app.facet.core.catalog.IntegrityCheckSchemaStore;
import app.facet.core.catalog.Tx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The triggers that guard the catalog (image_path guards, cached counts, crop clean-up queue) must all exist as the
 * migrations wrote them: a dropped guard lets the old corruption back in silently.
 */
final class SchemaTriggersCheck implements IntegrityCheck.Single {
    private static final CheckInfo INFO = new CheckInfo(CheckNames.SCHEMA_TRIGGERS, "Guard triggers missing or altered", Severity.ERROR,
            CheckMode.QUICK, "Repair re-creates them from the catalog's migration scripts.", true);

    /**
     * A trigger that differs from the migrations.
     *
     * @param name      trigger name
     * @param expected  the CREATE statement the migrations give
     * @param missing   true when absent, false when present with different SQL
     */
    record Deviation(String name, String expected, boolean missing) {
    }

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(CheckContext ctx, Findings findings) {
        for (Deviation d : deviations(ctx.tx())) {
            findings.add(Subject.TRIGGER, null, d.name(), d.missing() ? "trigger is missing" : "trigger differs from the migration that created it");
        }
        ctx.progress().advance(1);
    }

    /** @return the triggers that are missing or differ from the migrations @throws CatalogException on a database error */
    static List<Deviation> deviations(Tx tx) {
        Map<String, String> actual = IntegrityCheckSchemaStore.triggers(tx);
        List<Deviation> out = new ArrayList<>();
        for (Map.Entry<String, String> e : ExpectedTriggers.load(tx).entrySet()) {
            String have = actual.get(e.getKey());
            if (have == null) {
                out.add(new Deviation(e.getKey(), e.getValue(), true));
            } else if (!ExpectedTriggers.normalise(have).equals(ExpectedTriggers.normalise(e.getValue()))) {
                out.add(new Deviation(e.getKey(), e.getValue(), false));
            }
        }
        return out;
    }
}
