package id.piagam.rendering;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Template errors are reported at load, naming the file and the element. No PDF is produced here. */
class TemplateParserTest {

    @TempDir
    Path root;

    @BeforeEach
    void fonts() throws IOException {
        Files.createDirectories(root.resolve("fonts"));
        Files.copy(Path.of("templates/fonts/DejaVuSerif.ttf"), root.resolve("fonts/DejaVuSerif.ttf"));
        Files.createDirectories(root.resolve("images"));
        Files.copy(Path.of("templates/images/logo.png"), root.resolve("images/logo.png"));
    }

    private TemplateModel parse(String elements) throws IOException {
        Files.createDirectories(root.resolve("t"));
        Files.writeString(root.resolve("t/template.yml"), """
                title: Uji
                kinds: [ATTENDANCE]
                page: {size: A4, orientation: landscape}
                fonts:
                  serif: ../fonts/DejaVuSerif.ttf
                pages:
                  - elements:
                """ + elements.indent(6));
        return new TemplateParser(root).parse("t");
    }

    @Test
    void theDefaultTemplatesLoad() {
        TemplateParser parser = new TemplateParser(Path.of("templates"));
        TemplateModel sttp = parser.parse("sttp-diklat");
        assertThat(sttp.pages()).hasSize(2);
        assertThat(sttp.kinds()).containsExactly("COMPETENCY");
        assertThat(sttp.widthMm()).isEqualTo(210f);
        TemplateModel att = parser.parse("sertifikat-keikutsertaan");
        assertThat(att.widthMm()).isEqualTo(297f);
        assertThat(att.heightMm()).isEqualTo(210f);
        assertThat(att.contentHash()).hasSize(64).isNotEqualTo(sttp.contentHash());
    }

    @Test
    void readsElementsInMillimetres() throws IOException {
        TemplateModel t = parse("""
                - {type: text, id: name, text: "{{participant.name}}", x: 20, y: 80, width: 257, font: serif, size: 22, align: center}
                - {type: qr, x: 20, y: 150, size: 30}
                - {type: image, file: ../images/logo.png, x: 130, y: 10, width: 24, height: 24}
                - {type: line, x1: 10, y1: 10, x2: 280, y2: 10}
                - {type: box, x: 5, y: 5, width: 287, height: 200}
                """);
        TemplateModel.Text name = (TemplateModel.Text) t.pages().get(0).elements().get(0);
        assertThat(name.id()).isEqualTo("name");
        assertThat(name.align()).isEqualTo(TemplateModel.Align.CENTER);
        assertThat(name.minSize()).isEqualTo(22 * 0.6f);
        assertThat(t.pages().get(0).elements()).hasSize(5);
    }

    @Test
    void anUnknownPlaceholderIsNamedWithItsElement() {
        assertThatThrownBy(() -> parse("- {type: text, id: nama, text: \"{{participant.nama}}\", x: 20, y: 80, width: 100, font: serif, size: 12}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("t/template.yml").hasMessageContaining("[nama]").hasMessageContaining("participant.nama");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> parse("- {type: image, id: ttd, file: ../images/ttd.png, x: 1, y: 1, width: 10, height: 10}"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("[ttd]").hasMessageContaining("ttd.png");
    }

    @Test
    void anElementOffThePageIsRefused() {
        assertThatThrownBy(() -> parse("- {type: qr, id: qr, x: 280, y: 190, size: 30}"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("[qr]").hasMessageContaining("keluar dari halaman");
        assertThatThrownBy(() -> parse("- {type: text, id: t, text: x, x: 100, y: 10, width: 250, font: serif, size: 12}"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("[t]");
    }

    @Test
    void anUndeclaredFontAndAnUnknownTypeAreRefused() {
        assertThatThrownBy(() -> parse("- {type: text, id: t, text: x, x: 1, y: 1, width: 50, font: sans, size: 12}"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("'sans'");
        assertThatThrownBy(() -> parse("- {type: barcode, x: 1, y: 1}"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("barcode");
    }

    @Test
    void filesOutsideTheTemplatesFolderAreRefused() {
        assertThatThrownBy(() -> parse("- {type: image, id: x, file: ../../../etc/passwd, x: 1, y: 1, width: 10, height: 10}"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("di luar folder");
    }

    @Test
    void imagesMustBeEmbeddableInPdfA() throws IOException {
        byte[] png = Files.readAllBytes(root.resolve("images/logo.png"));
        png[25] = 6; // colour type RGBA
        Files.write(root.resolve("images/alpha.png"), png);
        Files.writeString(root.resolve("images/not-an-image.png"), "hello");
        assertThatThrownBy(() -> parse("- {type: image, id: a, file: ../images/alpha.png, x: 1, y: 1, width: 10, height: 10}"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("transparansi");
        assertThatThrownBy(() -> parse("- {type: image, id: b, file: ../images/not-an-image.png, x: 1, y: 1, width: 10, height: 10}"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("JPEG atau PNG");
    }

    @Test
    void brokenYamlAndMissingNumbersAreReported() throws IOException {
        Files.createDirectories(root.resolve("rusak"));
        Files.writeString(root.resolve("rusak/template.yml"), "title: [tidak ditutup\n");
        assertThatThrownBy(() -> new TemplateParser(root).parse("rusak")).isInstanceOf(TemplateException.class)
                .hasMessageContaining("rusak/template.yml").hasMessageContaining("YAML");
        assertThatThrownBy(() -> parse("- {type: qr, id: q, x: 1, y: 1}"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("'size'");
        assertThatThrownBy(() -> new TemplateParser(root).parse("tidak-ada")).isInstanceOf(TemplateException.class);
    }
}
