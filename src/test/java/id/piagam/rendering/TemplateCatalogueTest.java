package id.piagam.rendering;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateCatalogueTest {

    @Test
    void withoutATemplatesFolderTheDefaultTemplatesBuiltIntoTheApplicationAreUsed() {
        Path absent = Path.of("target/no-templates-here");
        assertThat(Files.exists(absent)).isFalse();

        TemplateCatalogue catalogue = new TemplateCatalogue(absent.toString());

        assertThat(catalogue.list()).extracting(TemplateCatalogue.Entry::name).containsExactly("piagam-moderator", "piagam-narasumber", "piagam-panitia",
                "sertifikat-keikutsertaan", "sttp-diklat");
        assertThat(catalogue.list()).allSatisfy(e -> {
            assertThat(e.error()).as(e.name()).isEmpty();
            assertThat(e.model()).as(e.name()).isPresent();
        });
        byte[] font = catalogue.sharedFile("fonts/DejaVuSerif.ttf");
        assertThat(font).hasSizeGreaterThan(100_000).startsWith(0, 1, 0, 0); // a TrueType font
    }

    @Test
    void aRequestArrivingWhileTheTemplatesStillLoadWaitsForThemInsteadOfFindingNone() {
        TemplateCatalogue catalogue = new TemplateCatalogue("templates"); // the first load starts in the background

        var sttp = catalogue.find("sttp-diklat");

        assertThat(sttp).isPresent();
        assertThat(sttp.get().model()).isPresent();
        assertThat(catalogue.list()).extracting(TemplateCatalogue.Entry::name).containsExactly("piagam-moderator", "piagam-narasumber", "piagam-panitia",
                "sertifikat-keikutsertaan", "sttp-diklat");
    }
}
