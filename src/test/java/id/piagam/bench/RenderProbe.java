package id.piagam.bench;

import id.piagam.rendering.PdfRenderer;
import id.piagam.rendering.TemplateModel;
import id.piagam.rendering.TemplateParser;

import java.nio.file.Path;

/** Times rendering alone (no database), to separate it from the rest of issuing. */
public final class RenderProbe {
    public static void main(String[] args) {
        TemplateModel sttp = new TemplateParser(Path.of("templates")).parse("sttp-diklat");
        PdfRenderer renderer = new PdfRenderer();
        var input = RenderSample.input();
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            int n = 500;
            for (int i = 0; i < n; i++) {
                renderer.render(sttp, input);
            }
            System.out.printf("render: %.2f ms per certificate%n", (System.nanoTime() - t0) / 1e6 / n);
        }
    }
}
