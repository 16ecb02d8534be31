package id.piagam.certificate;

import id.piagam.web.BaseUrl;
import jakarta.inject.Singleton;

/** The public verification link of a certificate, as its QR code, page, records and exports print it. */
@Singleton
public class VerifyLinks {

    private final BaseUrl baseUrl;

    VerifyLinks(BaseUrl baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String verifyUrl(String code) {
        return baseUrl.get() + "/verify/" + code;
    }
}
