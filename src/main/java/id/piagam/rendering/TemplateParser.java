package id.piagam.rendering;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a template folder ({@code templates/<name>/template.yml} and the files it names) into an
 * immutable {@link TemplateModel}, refusing at load anything that would go wrong at print time:
 * an unknown placeholder, a missing or unusable file, an element off the page, a font not declared.
 * Files may be shared between templates ({@code ../fonts/…}) but never lie outside the templates folder.
 */
public final class TemplateParser {

    public static final String DESCRIPTOR = "template.yml";
    private static final float A4_SHORT = 210f;
    private static final float A4_LONG = 297f;

    private static final Mustache.Compiler MUSTACHE = Mustache.compiler().escapeHTML(false).strictSections(false)
            .defaultValue("");

    private final Path root;

    public TemplateParser(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public TemplateModel parse(String name) {
        Path folder = root.resolve(name).normalize();
        Path descriptor = folder.resolve(DESCRIPTOR);
        String file = root.relativize(descriptor).toString();
        if (!folder.startsWith(root) || !Files.isRegularFile(descriptor)) {
            throw new TemplateException(file, null, "tidak ada berkas " + DESCRIPTOR);
        }
        byte[] descriptorBytes = read(descriptor, file, null);
        Map<String, Object> doc;
        try {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(new String(descriptorBytes, StandardCharsets.UTF_8));
            if (!(loaded instanceof Map<?, ?> m)) {
                throw new TemplateException(file, null, "isi bukan peta YAML");
            }
            doc = cast(m);
        } catch (YAMLException e) {
            throw new TemplateException(file, null, "YAML tidak valid: " + e.getMessage().lines().findFirst().orElse(""));
        }
        Context ctx = new Context(file, folder);
        String title = ctx.string(doc, "title", null, true);
        Set<String> kinds = new LinkedHashSet<>();
        for (Object k : ctx.list(doc, "kinds", null)) {
            String kind = String.valueOf(k).toUpperCase(Locale.ROOT);
            if (!Set.of("COMPETENCY", "ATTENDANCE", "NARASUMBER", "MODERATOR", "PANITIA").contains(kind)) {
                throw new TemplateException(file, null, "jenis sertifikat tidak dikenal: " + k);
            }
            kinds.add(kind);
        }
        float[] size = pageSize(ctx, ctx.map(doc, "page", null));
        Map<String, TemplateModel.Asset> fonts = new LinkedHashMap<>();
        ctx.map(doc, "fonts", null).forEach((fontName, path) -> {
            TemplateModel.Asset asset = ctx.asset(String.valueOf(path), "font " + fontName);
            if (!isTrueType(asset.bytes())) {
                throw new TemplateException(file, "font " + fontName, "bukan fon TrueType: " + path);
            }
            fonts.put(fontName, asset);
        });
        if (fonts.isEmpty()) {
            throw new TemplateException(file, null, "paling sedikit satu fon harus dinyatakan di 'fonts'");
        }
        List<TemplateModel.Page> pages = new ArrayList<>();
        List<Object> pageList = ctx.list(doc, "pages", null);
        if (pageList.isEmpty()) {
            throw new TemplateException(file, null, "template tidak memiliki halaman");
        }
        for (int p = 0; p < pageList.size(); p++) {
            Map<String, Object> page = cast((Map<?, ?>) pageList.get(p));
            String pageName = "halaman " + (p + 1);
            Optional<TemplateModel.Asset> background = Optional.ofNullable(page.get("background"))
                    .map(b -> ctx.image(String.valueOf(b), pageName + " background"));
            List<TemplateModel.Element> elements = new ArrayList<>();
            List<Object> raw = ctx.list(page, "elements", "halaman " + (p + 1));
            for (int i = 0; i < raw.size(); i++) {
                Map<String, Object> e = cast((Map<?, ?>) raw.get(i));
                String type = ctx.string(e, "type", "halaman " + (p + 1) + " elemen " + (i + 1), true);
                String id = Optional.ofNullable(e.get("id")).map(String::valueOf).orElse("halaman " + (p + 1) + " " + type + " #" + (i + 1));
                TemplateModel.Element element = element(ctx, e, type, id, fonts.keySet());
                checkOnPage(ctx, element, size[0], size[1]);
                elements.add(element);
            }
            pages.add(new TemplateModel.Page(background, List.copyOf(elements)));
        }
        return new TemplateModel(name, title, Set.copyOf(kinds), size[0], size[1], Map.copyOf(fonts), List.copyOf(pages),
                ctx.hash(descriptorBytes));
    }

    private float[] pageSize(Context ctx, Map<String, Object> page) {
        String size = ctx.string(page, "size", "page", false);
        String orientation = Optional.ofNullable(ctx.string(page, "orientation", "page", false)).orElse("portrait");
        float w;
        float h;
        if (size == null || size.equalsIgnoreCase("A4")) {
            w = A4_SHORT;
            h = A4_LONG;
        } else if (size.equalsIgnoreCase("custom")) {
            w = ctx.number(page, "widthMm", "page");
            h = ctx.number(page, "heightMm", "page");
        } else {
            throw new TemplateException(ctx.file, "page", "ukuran halaman tidak dikenal: " + size + " (A4 atau custom)");
        }
        return switch (orientation.toLowerCase(Locale.ROOT)) {
            case "portrait" -> new float[]{Math.min(w, h), Math.max(w, h)};
            case "landscape" -> new float[]{Math.max(w, h), Math.min(w, h)};
            default -> throw new TemplateException(ctx.file, "page", "orientasi harus portrait atau landscape");
        };
    }

    private TemplateModel.Element element(Context ctx, Map<String, Object> e, String type, String id, Set<String> fonts) {
        return switch (type) {
            case "text" -> {
                String source = ctx.string(e, "text", id, true);
                String font = ctx.string(e, "font", id, true);
                if (!fonts.contains(font)) {
                    throw new TemplateException(ctx.file, id, "fon '" + font + "' tidak dinyatakan di 'fonts'");
                }
                float size = ctx.number(e, "size", id);
                yield new TemplateModel.Text(id, source, compile(ctx, source, id), ctx.number(e, "x", id), ctx.number(e, "y", id),
                        ctx.number(e, "width", id), font, size, ctx.optional(e, "minSize", id, size * 0.6f),
                        (int) ctx.optional(e, "maxLines", id, 1), ctx.optional(e, "lineHeight", id, 1.25f),
                        align(ctx, e, id), color(ctx, e, id));
            }
            case "image" -> {
                String source = ctx.string(e, "source", id, false);
                if (source != null && !TemplateFields.IMAGES.contains(source)) {
                    throw new TemplateException(ctx.file, id, "sumber gambar tidak dikenal: " + source + " (" + String.join(", ", TemplateFields.IMAGES) + ")");
                }
                String picture = ctx.string(e, "file", id, source == null);
                TemplateModel.Asset asset = picture == null ? null : ctx.image(picture, id);
                yield new TemplateModel.Image(id, asset, source, ctx.number(e, "x", id), ctx.number(e, "y", id), ctx.number(e, "width", id),
                        ctx.number(e, "height", id));
            }
            case "qr" -> new TemplateModel.Qr(id, ctx.number(e, "x", id), ctx.number(e, "y", id), ctx.number(e, "size", id));
            case "line" -> new TemplateModel.Line(id, ctx.number(e, "x1", id), ctx.number(e, "y1", id), ctx.number(e, "x2", id),
                    ctx.number(e, "y2", id), ctx.optional(e, "lineWidth", id, 0.5f), color(ctx, e, id));
            case "box" -> new TemplateModel.Box(id, ctx.number(e, "x", id), ctx.number(e, "y", id), ctx.number(e, "width", id),
                    ctx.number(e, "height", id), ctx.optional(e, "lineWidth", id, 0.5f), color(ctx, e, id));
            case "curriculum", "scores" -> {
                String font = ctx.string(e, "font", id, true);
                String header = Optional.ofNullable(ctx.string(e, "headerFont", id, false)).orElse(font);
                for (String f : List.of(font, header)) {
                    if (!fonts.contains(f)) {
                        throw new TemplateException(ctx.file, id, "fon '" + f + "' tidak dinyatakan di 'fonts'");
                    }
                }
                float x = ctx.number(e, "x", id);
                float y = ctx.number(e, "y", id);
                float width = ctx.number(e, "width", id);
                float maxHeight = ctx.number(e, "maxHeight", id);
                float size = ctx.optional(e, "size", id, 10f);
                yield type.equals("curriculum") ? new TemplateModel.Curriculum(id, x, y, width, maxHeight, font, header, size)
                        : new TemplateModel.Scores(id, x, y, width, maxHeight, font, header, size);
            }
            default -> throw new TemplateException(ctx.file, id, "jenis elemen tidak dikenal: " + type
                    + " (text, image, qr, line, box, curriculum, scores)");
        };
    }

    private static Template compile(Context ctx, String source, String id) {
        Template template;
        try {
            template = MUSTACHE.compile(source);
        } catch (MustacheException e) {
            throw new TemplateException(ctx.file, id, "teks tidak valid: " + e.getMessage());
        }
        List<String> unknown = new ArrayList<>();
        template.visit(new Mustache.Visitor() {
            @Override
            public void visitText(String text) {
            }

            @Override
            public void visitVariable(String name) {
                if (!TemplateFields.ALL.contains(name)) {
                    unknown.add(name);
                }
            }

            @Override
            public boolean visitInclude(String name) {
                unknown.add(">" + name);
                return false;
            }

            @Override
            public boolean visitSection(String name) {
                if (!TemplateFields.ALL.contains(name)) {
                    unknown.add(name);
                }
                return true;
            }

            @Override
            public boolean visitInvertedSection(String name) {
                return visitSection(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw new TemplateException(ctx.file, id, "placeholder tidak dikenal: " + String.join(", ", unknown));
        }
        return template;
    }

    private static void checkOnPage(Context ctx, TemplateModel.Element element, float w, float h) {
        float[] box = element.bounds();
        if (box[0] < 0 || box[1] < 0 || box[2] < 0 || box[3] < 0 || box[0] + box[2] > w + 0.01f || box[1] + box[3] > h + 0.01f) {
            throw new TemplateException(ctx.file, element.id(), String.format(Locale.ROOT,
                    "elemen keluar dari halaman (%.1f x %.1f mm): x=%.1f y=%.1f lebar=%.1f tinggi=%.1f", w, h, box[0], box[1], box[2], box[3]));
        }
    }

    private static TemplateModel.Align align(Context ctx, Map<String, Object> e, String id) {
        String a = Optional.ofNullable(ctx.string(e, "align", id, false)).orElse("left");
        try {
            return TemplateModel.Align.valueOf(a.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw new TemplateException(ctx.file, id, "align harus left, center atau right");
        }
    }

    private static String color(Context ctx, Map<String, Object> e, String id) {
        String c = Optional.ofNullable(ctx.string(e, "color", id, false)).orElse("#000000");
        if (!c.matches("#[0-9A-Fa-f]{6}")) {
            throw new TemplateException(ctx.file, id, "warna harus #RRGGBB: " + c);
        }
        return c;
    }

    static boolean isTrueType(byte[] b) {
        return b.length > 4 && ((b[0] == 0 && b[1] == 1 && b[2] == 0 && b[3] == 0) || (b[0] == 't' && b[1] == 'r' && b[2] == 'u' && b[3] == 'e'));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    private static byte[] read(Path path, String file, String element) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new TemplateException(file, element, "tidak dapat dibaca: " + path.getFileName());
        }
    }

    /** Per-template parsing state: the descriptor's name, its folder, and every file read (for the hash). */
    private final class Context {
        final String file;
        final Path folder;
        final Map<String, byte[]> read = new TreeMap<>();

        Context(String file, Path folder) {
            this.file = file;
            this.folder = folder;
        }

        TemplateModel.Asset asset(String path, String element) {
            Path resolved = folder.resolve(path).normalize();
            if (!resolved.startsWith(root)) {
                throw new TemplateException(file, element, "berkas di luar folder templates: " + path);
            }
            if (!Files.isRegularFile(resolved)) {
                throw new TemplateException(file, element, "berkas tidak ada: " + path);
            }
            byte[] bytes = TemplateParser.read(resolved, file, element);
            String key = root.relativize(resolved).toString();
            read.put(key, bytes);
            return new TemplateModel.Asset(key, bytes);
        }

        /** An image that PDF/A-1 can embed: JPEG, or PNG without transparency. */
        TemplateModel.Asset image(String path, String element) {
            TemplateModel.Asset a = asset(path, element);
            byte[] b = a.bytes();
            boolean jpeg = b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8;
            boolean png = b.length > 26 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
            if (!jpeg && !png) {
                throw new TemplateException(file, element, "gambar harus JPEG atau PNG: " + path);
            }
            if (png && (b[25] == 4 || b[25] == 6)) {
                throw new TemplateException(file, element, "PNG bertransparansi tidak diizinkan di PDF/A-1: " + path);
            }
            return a;
        }

        String hash(byte[] descriptor) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update(descriptor);
                read.forEach((k, v) -> {
                    sha.update(k.getBytes(StandardCharsets.UTF_8));
                    sha.update(v);
                });
                return HexFormat.of().formatHex(sha.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        String string(Map<String, Object> m, String key, String element, boolean required) {
            Object v = m.get(key);
            if (v == null) {
                if (required) {
                    throw new TemplateException(file, element, "'" + key + "' wajib diisi");
                }
                return null;
            }
            return String.valueOf(v);
        }

        float number(Map<String, Object> m, String key, String element) {
            Object v = m.get(key);
            if (!(v instanceof Number n)) {
                throw new TemplateException(file, element, "'" + key + "' harus berupa angka (mm)");
            }
            return n.floatValue();
        }

        float optional(Map<String, Object> m, String key, String element, float fallback) {
            return m.containsKey(key) ? number(m, key, element) : fallback;
        }

        Map<String, Object> map(Map<String, Object> m, String key, String element) {
            Object v = m.get(key);
            if (v == null) {
                return Map.of();
            }
            if (!(v instanceof Map<?, ?> map)) {
                throw new TemplateException(file, element, "'" + key + "' harus berupa peta");
            }
            return cast(map);
        }

        List<Object> list(Map<String, Object> m, String key, String element) {
            Object v = m.get(key);
            if (v == null) {
                return List.of();
            }
            if (!(v instanceof List<?> list)) {
                throw new TemplateException(file, element, "'" + key + "' harus berupa daftar");
            }
            for (Object o : list) {
                if (key.equals("pages") || key.equals("elements")) {
                    if (!(o instanceof Map)) {
                        throw new TemplateException(file, element, "setiap isi '" + key + "' harus berupa peta");
                    }
                }
            }
            @SuppressWarnings("unchecked")
            List<Object> result = (List<Object>) list;
            return result;
        }
    }
}
