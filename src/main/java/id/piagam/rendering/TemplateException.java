package id.piagam.rendering;

/** A template that cannot be used, naming the file and the element at fault. */
public class TemplateException extends RuntimeException {

    private final String file;
    private final String element;

    public TemplateException(String file, String element, String message) {
        super(file + (element == null ? "" : " [" + element + "]") + ": " + message);
        this.file = file;
        this.element = element;
    }

    public String file() {
        return file;
    }

    public String element() {
        return element;
    }
}
