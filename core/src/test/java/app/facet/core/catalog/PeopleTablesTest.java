package app.facet.core.catalog;

import app.facet.model.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The runners of the people stores on a real catalog: rollback, error sentences, snapshots that write nothing, id lists. */
class PeopleTablesTest {
    @TempDir
    Path tmp;
    Catalog catalog;

    @BeforeEach
    void open() {
        catalog = Catalog.open(new LibraryLocation(tmp.resolve("lib")));
    }

    private List<String> names() {
        return PeopleTables.read(catalog, "list", t -> t.persons().list(true).stream().map(Person::name).toList());
    }

    @Test
    void aFailingWriteRollsBackEverythingAndItsExceptionPassesThrough() {
        IllegalStateException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> PeopleTables.write(catalog, "Could not create", t -> {
            t.persons().insert("Anna", false);
            throw boom;
        })).isSameAs(boom);
        assertThat(names()).isEmpty();
    }

    @Test
    void aDatabaseErrorIsTheCallersSentenceWithTheDatabaseMessage() {
        PeopleTables.write(catalog, "Could not create", t -> t.persons().insert("Anna", false));
        assertThatThrownBy(() -> PeopleTables.write(catalog, "Could not create the people", t -> {
            t.persons().insert("Bert", false);
            return t.persons().insert("anna", false); // the name is taken, case-insensitively
        })).isInstanceOf(CatalogException.class)
                .hasMessageStartingWith("Could not create the people: ")
                .hasMessageContaining("UNIQUE")
                .hasCauseInstanceOf(SQLException.class);
        assertThat(names()).containsExactly("Anna");
    }

    @Test
    void aSnapshotReadWritesNothing() {
        PeopleTables.readSnapshot(catalog, "Could not read", t -> t.persons().insert("Anna", false));
        assertThat(names()).isEmpty();
    }

    @Test
    void idListsSelectExactlyTheirIds() {
        List<Long> ids = PeopleTables.write(catalog, "Could not create", t -> LongStream.range(0, 5)
                .mapToObj(i -> t.persons().insert("P" + i, false)).toList());
        PeopleTables.write(catalog, "Could not delete", t -> {
            t.persons().delete(List.of());
            t.persons().delete(List.of(ids.get(1), ids.get(3), 999_999L));
            return null;
        });
        assertThat(names()).containsExactly("P0", "P2", "P4");
        // thousands of ids are still one bound parameter
        List<Long> many = LongStream.rangeClosed(1, 5_000).boxed().toList();
        List<Long> faces = PeopleTables.read(catalog, "Could not read", t -> t.faces().onOrSuggestedFor(many));
        assertThat(faces).isEmpty();
    }
}
