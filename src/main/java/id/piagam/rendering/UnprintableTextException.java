package id.piagam.rendering;

/**
 * Text that the template's font cannot draw (a name in a script the font lacks), or that cannot
 * fit where the template puts it. Refused at issue time: never printed as "?" or blank boxes.
 */
public class UnprintableTextException extends RuntimeException {

    private final String element;
    private final String text;

    public UnprintableTextException(String element, String text, String message) {
        super(message);
        this.element = element;
        this.text = text;
    }

    public String element() {
        return element;
    }

    public String text() {
        return text;
    }
}
