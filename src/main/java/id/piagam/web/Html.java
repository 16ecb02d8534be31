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
        return page(title, body, 0);
    }

    /** A page that reloads itself after the given seconds (none when 0). */
    public static String page(String title, String body, int reloadSeconds) {
        return "<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\">"
                + (reloadSeconds > 0 ? "<meta http-equiv=\"refresh\" content=\"" + reloadSeconds + "\">" : "")
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + " \u2013 Piagam</title><link rel=\"stylesheet\" href=\"/static/piagam.css\">"
                + "</head><body><main><h1>" + escape(title) + "</h1>" + body + "</main></body></html>";
    }
}
