package id.piagam.web;

import id.piagam.text.CleanText;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import io.micronaut.serde.exceptions.SerdeException;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Every text read from a JSON body passes {@link CleanText}: stored in NFC, refused (400, the field
 * named, code {@code text.<reason>}) when it holds control, bidi-override, zero-width or unpaired
 * surrogate characters, or a flood of combining marks; which fields may hold line breaks, and that
 * passwords are taken as typed, is {@link FreeText}'s rule, the same as for page forms.
 */
@Singleton
@Order(Ordered.HIGHEST_PRECEDENCE)
class CleanTextDeserializer implements Deserializer<String> {

    /** Raised for a refused text: the message code, and the field when known. */
    static final class Refused extends SerdeException {
        final String field;

        Refused(String code, String field) {
            super(code);
            this.field = field;
        }
    }

    @Override
    public String deserialize(Decoder decoder, DecoderContext context, Argument<? super String> type) throws IOException {
        return clean(decoder.decodeString(), type);
    }

    @Override
    public String deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super String> type) throws IOException {
        String s = decoder.decodeStringNullable();
        return s == null ? null : clean(s, type);
    }

    private static String clean(String text, Argument<?> type) throws Refused {
        String field = type.getName() == null ? "" : type.getName();
        if (FreeText.verbatim(field)) {
            return text;
        }
        String normal = CleanText.normalise(text);
        var refusal = FreeText.refusal(field, normal);
        if (refusal.isPresent()) {
            throw new Refused(refusal.get(), field);
        }
        return normal;
    }
}
