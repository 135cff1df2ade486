package app.facet.core.dashboard;

import app.facet.core.browse.PersonFilter;
import app.facet.core.catalog.BinCounts;
import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.CatalogException;
import app.facet.core.catalog.FaceListingPage;
import app.facet.core.catalog.FaceListingQuery;
import app.facet.core.catalog.FaceListingStore;
import app.facet.core.catalog.FaceStateCounts;
import app.facet.core.catalog.FaceTally;
import app.facet.core.catalog.LibraryStatsStore;
import app.facet.core.catalog.PeopleListingStore;
import app.facet.core.catalog.PhotoStateCounts;
import app.facet.core.validation.FaceRowRevalidator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Read side of the face quality dashboard: coverage, distributions, faces per person and a paged, sortable,
 * filterable face listing. Every number is computed by SQL over the whole catalog (a 300k-face library is never
 * loaded at once); only the page asked for is read row by row.
 * <p>
 * Broken rows are shown, never hidden and never fatal: a row flagged invalid, or one that breaks a rule now (its
 * image_path names a face crop, its photo or crop file is gone, its box is degenerate or outside the image), is
 * listed as invalid with every reason. Thread-safe; call off the UI thread.
 *
 * @see FaceRowRevalidator which stores the invalid flags {@link #revalidate()} refreshes
 */
public final class FaceDashboard {
    /** Face size bin edges in pixels; see {@link Distributions#faceSize()}. */
    static final double[] SIZE_EDGES = {0, 24, 32, 48, 64, 96, 112, 160, 256, 512};

    private final Catalog catalog;
    private final FaceListingReader reader;
    private final LibraryStatsStore stats;
    private final FaceListingStore listing;
    private final PeopleListingStore people;

    public FaceDashboard(Catalog catalog) {
        this.catalog = catalog;
        this.reader = new FaceListingReader(catalog.location());
        this.stats = new LibraryStatsStore(catalog);
        this.listing = new FaceListingStore(catalog);
        this.people = new PeopleListingStore(catalog);
    }

    /**
     * Re-applies the validation rules to every stored face row (flags broken rows invalid, clears the flag of rows
     * that are fine again), so that the counts below include rows broken outside Facet. One transaction.
     *
     * @throws CatalogException on a database error
     */
    public FaceRowRevalidator.Result revalidate() {
        return new FaceRowRevalidator(catalog).run();
    }

    /** @throws CatalogException on a database error */
    public Coverage coverage() {
        PhotoStateCounts p = stats.photoStates();
        List<Coverage.FailureCount> failures = stats.failures().stream()
                .map(t -> new Coverage.FailureCount(t.code(), t.count(), t.example())).toList();
        FaceStateCounts f = stats.faceStates();
        return new Coverage(p.photos(), p.missing(), p.pending(), p.noFaces() + p.failed() + p.done(), p.done(), p.noFaces(),
                p.failed(), new ArrayList<>(failures), f.faces(), f.embedded(), f.byUser(), f.auto(), f.suggested(), f.unknown(),
                f.invalid(), f.notAFace());
    }

    /** @throws CatalogException on a database error */
    public Distributions distributions() {
        BinCounts quality = stats.qualityDeciles();
        List<Histogram.Bin> qBins = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            qBins.add(new Histogram.Bin(String.format(Locale.ROOT, "%.1f–%.1f", i / 10.0, (i + 1) / 10.0), i / 10.0, (i + 1) / 10.0,
                    quality.counts()[i]));
        }
        BinCounts sizes = stats.faceSizeBins(SIZE_EDGES);
        List<Histogram.Bin> sBins = new ArrayList<>();
        for (int i = 0; i < SIZE_EDGES.length; i++) {
            boolean last = i == SIZE_EDGES.length - 1;
            String label = last ? "≥ " + (int) SIZE_EDGES[i] + " px" : (int) SIZE_EDGES[i] + "–" + (int) SIZE_EDGES[i + 1] + " px";
            sBins.add(new Histogram.Bin(label, SIZE_EDGES[i], last ? Double.POSITIVE_INFINITY : SIZE_EDGES[i + 1], sizes.counts()[i]));
        }
        return new Distributions(new Histogram("overall quality score", qBins, quality.notMeasured()),
                new Histogram("face size", sBins, sizes.notMeasured()), stats.qualityLabels());
    }

    /**
     * @param top most people to return, those with the most faces first
     * @return faces per person (people without faces left out), then one "Unknown" entry for faces on no person when
     *         there are any
     * @throws CatalogException on a database error
     */
    public List<PersonFaceCount> facesPerPerson(int top) {
        List<PersonFaceCount> out = new ArrayList<>();
        stats.personTotals(top).forEach(t -> out.add(new PersonFaceCount(t.personId(), t.name(), t.faces(), t.photos(), t.byUser(), t.auto())));
        FaceTally unknown = people.unassigned();
        if (unknown.faces() > 0) {
            out.add(new PersonFaceCount(null, "Unknown", unknown.faces(), unknown.photos(), 0, 0));
        }
        return out;
    }

    /**
     * One page of the face listing. Rows that cannot even be read are listed as invalid ({@code row_unreadable}).
     *
     * @throws CatalogException on a database error
     */
    public FacePage faces(FaceQuery query) {
        FaceListingPage page = listing.page(storeQuery(query));
        List<FaceListing> rows = new ArrayList<>();
        page.rows().forEach(r -> rows.add(reader.read(r)));
        return new FacePage(rows, page.total(), query.offset());
    }

    /** @return the listing rows of these faces (unknown ids left out), read as {@link #faces} reads them */
    public List<FaceListing> facesById(List<Long> faceIds) {
        List<FaceListing> out = new ArrayList<>();
        listing.byIds(faceIds).forEach(r -> out.add(reader.read(r)));
        return out;
    }

    private static FaceListingQuery storeQuery(FaceQuery q) {
        Long personId = q.person() instanceof PersonFilter.Only only ? only.personId() : null;
        boolean unknownOnly = q.person() instanceof PersonFilter.Unknown;
        FaceListingQuery.Status status = switch (q.status()) {
            case ALL -> FaceListingQuery.Status.ALL;
            case INVALID -> FaceListingQuery.Status.INVALID;
            case VALID -> FaceListingQuery.Status.VALID;
            case USER -> FaceListingQuery.Status.USER;
            case AUTO -> FaceListingQuery.Status.AUTO;
            case SUGGESTED -> FaceListingQuery.Status.SUGGESTED;
            case UNKNOWN -> FaceListingQuery.Status.UNKNOWN;
            case NOT_A_FACE -> FaceListingQuery.Status.NOT_A_FACE;
        };
        FaceListingQuery.Sort sort = switch (q.sort()) {
            case QUALITY -> FaceListingQuery.Sort.QUALITY;
            case FACE_SIZE -> FaceListingQuery.Sort.FACE_SIZE;
            case DETECTION_SCORE -> FaceListingQuery.Sort.DETECTION_SCORE;
            case SHARPNESS -> FaceListingQuery.Sort.SHARPNESS;
            case PERSON -> FaceListingQuery.Sort.PERSON;
            case STATUS -> FaceListingQuery.Sort.STATUS;
            case PHOTO -> FaceListingQuery.Sort.PHOTO;
            case FACE_ID -> FaceListingQuery.Sort.FACE_ID;
        };
        return new FaceListingQuery(q.quality().label(), q.quality() == QualityFilter.NOT_MEASURED, personId, unknownOnly,
                status, sort, q.descending(), q.offset(), q.limit());
    }
}
