package id.piagam.bench;

import id.piagam.rendering.PdfRenderer;
import id.piagam.rendering.RenderInput;
import id.piagam.rendering.TemplateModel;
import id.piagam.rendering.TemplateParser;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Times rendering alone (no database), to separate it from the rest of issuing: wall time and the thread's CPU time
 * per certificate (the CPU figure holds on a shared machine), each certificate with a name of its own.
 */
public final class RenderProbe {
    public static void main(String[] args) {
        TemplateModel sttp = new TemplateParser(Path.of("templates")).parse("sttp-diklat");
        PdfRenderer renderer = new PdfRenderer();
        RenderInput sample = RenderSample.input();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int n = Integer.getInteger("bench.renders", 500);
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            long cpu0 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                Map<String, String> fields = new LinkedHashMap<>(sample.fields());
                fields.put("participant.name", "Peserta Pelatihan " + round + "-" + i);
                byte[] pdf = renderer.render(sttp, new RenderInput(fields, sample.curriculum(), sample.scores(), sample.qrContent() + i,
                        sample.documentTitle(), sample.images()));
                if (i == 0 && System.getProperty("bench.out") != null) {
                    try {
                        java.nio.file.Files.write(Path.of(System.getProperty("bench.out")), pdf);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
            System.out.printf("render: %.2f ms per certificate, %.2f ms CPU%n", (System.nanoTime() - t0) / 1e6 / n,
                    (threads.getCurrentThreadCpuTime() - cpu0) / 1e6 / n);
        }
    }
}
