package id.piagam.web;

/** Minimal HTML for the public pages: every value escaped, readable on a phone, no scripts. */
public final class Html {

    private Html() {
    }

    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    public static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + " \u2013 Piagam</title><style>"
                + "body{font-family:system-ui,sans-serif;margin:0;background:#f4f6fa;color:#1b2333}"
                + "main{max-width:34rem;margin:0 auto;padding:1.25rem}h1{font-size:1.3rem;color:#1f3a68}"
                + ".badge{display:inline-block;padding:.5rem .9rem;border-radius:.4rem;font-weight:700;margin:.5rem 0 1rem}"
                + ".ok{background:#dff3e4;color:#17632f}.bad{background:#fde2e1;color:#8a1c17}.warn{background:#fff3cd;color:#7a5a00}"
                + "dl{display:grid;grid-template-columns:max-content 1fr;gap:.4rem .9rem;background:#fff;padding:1rem;border-radius:.5rem}"
                + "dt{color:#5a6478}dd{margin:0;font-weight:600;overflow-wrap:anywhere}"
                + "</style></head><body><main><h1>" + escape(title) + "</h1>" + body + "</main></body></html>";
    }
}
