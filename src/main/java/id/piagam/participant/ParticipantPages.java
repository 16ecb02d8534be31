package id.piagam.participant;

import id.piagam.validation.FieldProblem;
import id.piagam.security.Roles;
import id.piagam.web.Pages;
import id.piagam.rules.DomainRefusal;
import id.piagam.web.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The secretariat's participant pages: search, create, edit. The same rules and messages as the
 * API, shown next to the offending field with the input kept; success redirects (POST-redirect-GET).
 */
@Controller("/peserta")
@Secured({Roles.ADMIN, Roles.OPERATOR})
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class ParticipantPages {

    static final List<String> FIELDS = List.of("fullName", "frontTitle", "backTitle", "nip", "nik", "category", "birthPlace",
            "birthDate", "sex", "golongan", "jabatan", "unitKerja", "instansi", "email", "phone", "nrp");

    private final ParticipantService service;
    private final ParticipantRepository participants;
    private final RecordsPanel records;
    private final DeliveryPanel deliveries;
    private final ParticipantPhotos photos;
    private final Pages pages;

    ParticipantPages(ParticipantService service, ParticipantRepository participants, RecordsPanel records, DeliveryPanel deliveries,
                     ParticipantPhotos photos, Pages pages) {
        this.deliveries = deliveries;
        this.photos = photos;
        this.service = service;
        this.participants = participants;
        this.records = records;
        this.pages = pages;
    }

    @Get
    HttpResponse<?> list(@Nullable @QueryValue String q, @QueryValue(defaultValue = "0") int page, HttpRequest<?> request,
                         Authentication auth) {
        Page<Participant> found = service.search(q, Pageable.from(Math.max(0, page), 25));
        Map<String, Object> model = pages.model(request, auth);
        model.put("q", q == null ? "" : q);
        model.put("found", found);
        model.put("people", found.getContent().stream().map(ParticipantView::of).toList());
        return HttpResponse.ok(new ModelAndView<>("peserta", model));
    }

    @Get("/baru")
    HttpResponse<?> blank(HttpRequest<?> request, Authentication auth) {
        return form(request, auth, HttpStatus.OK, null, Map.of("category", "PNS"), Map.of(), null);
    }

    @Post(value = "/baru", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(@Body Map<String, String> form, HttpRequest<?> request, Authentication auth) {
        return save(request, auth, null, form);
    }

    @Get("/{id}")
    HttpResponse<?> edit(long id, HttpRequest<?> request, Authentication auth) {
        return form(request, auth, HttpStatus.OK, id, saved(id), Map.of(), null);
    }

    /** The person's pas foto as the page shows it (404 when there is none). */
    @Get("/{id}/foto")
    @Produces({"image/jpeg", "image/png"})
    HttpResponse<byte[]> photo(long id) {
        return ParticipantPhotoController.served(photos, id);
    }

    /** Uploads or replaces the pas foto; a refused picture is named at the photo field, nothing saved. */
    @Post(value = "/{id}/foto", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> uploadPhoto(long id, @Nullable CompletedFileUpload photo, HttpRequest<?> request, Authentication auth)
            throws IOException {
        try {
            photos.save(id, photo == null ? new byte[0] : photo.getBytes());
            return HttpResponse.seeOther(URI.create("/peserta/" + id + "?tersimpan=1#foto"));
        } catch (DomainRefusal e) {
            if (e.fields().isEmpty()) {
                throw e;
            }
            return form(request, auth, ProblemResponses.status(e), id, saved(id), pages.fieldErrors(request, e.fields()), null);
        }
    }

    /** Removes the pas foto; certificates already issued keep theirs. */
    @Post(value = "/{id}/foto/hapus", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> removePhoto(long id) {
        photos.remove(id);
        return HttpResponse.seeOther(URI.create("/peserta/" + id + "?tersimpan=1#foto"));
    }

    /** The form's values as the person is saved. */
    private Map<String, String> saved(long id) {
        Participant p = participants.findById(id).orElseThrow(() -> DomainRefusal.notFound("entity.participant", id));
        Map<String, String> values = new HashMap<>();
        ParticipantView v = ParticipantView.of(p);
        put(values, "fullName", v.fullName());
        put(values, "frontTitle", v.frontTitle());
        put(values, "backTitle", v.backTitle());
        put(values, "nip", v.nip());
        put(values, "nik", v.nik());
        put(values, "nrp", v.nrp());
        put(values, "category", v.category());
        put(values, "birthPlace", v.birthPlace());
        put(values, "birthDate", v.birthDate());
        put(values, "sex", v.sex());
        put(values, "golongan", v.golongan());
        put(values, "jabatan", v.jabatan());
        put(values, "unitKerja", v.unitKerja());
        put(values, "instansi", v.instansi());
        put(values, "email", v.email());
        put(values, "phone", v.phone());
        return values;
    }

    @Post(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> update(long id, @Body Map<String, String> form, HttpRequest<?> request, Authentication auth) {
        participants.findById(id).orElseThrow(() -> DomainRefusal.notFound("entity.participant", id));
        return save(request, auth, id, form);
    }

    private HttpResponse<?> save(HttpRequest<?> request, Authentication auth, Long id, Map<String, String> typed) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, String> form = pages.form(typed, problems);
        ParticipantRequest r = bind(form, problems);
        if (!problems.isEmpty()) {
            return form(request, auth, HttpStatus.BAD_REQUEST, id, form, pages.fieldErrors(request, problems), null);
        }
        try {
            Participant saved = id == null ? service.create(r) : service.update(id, r);
            return HttpResponse.seeOther(URI.create("/peserta/" + saved.id() + "?tersimpan=1"));
        } catch (DomainRefusal e) {
            String general = e.existingId() == null ? null : pages.text(request, "participants.duplicate");
            return form(request, auth, ProblemResponses.status(e), id, form, pages.fieldErrors(request, e.fields()),
                    general == null ? null : Map.of("text", general, "href", "/peserta/" + e.existingId()));
        }
    }

    /** The form's text fields as a request; unreadable choices and dates become field problems. */
    static ParticipantRequest bind(Map<String, String> f, List<FieldProblem> problems) {
        Category category = null;
        try {
            category = Category.valueOf(f.getOrDefault("category", "").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of("category", "value.choice", "PNS, CPNS, PPPK, NON_ASN, TNI_POLRI"));
        }
        Sex sex = null;
        String rawSex = f.getOrDefault("sex", "");
        if (!rawSex.isBlank()) {
            try {
                sex = Sex.valueOf(rawSex.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.of("sex", "value.choice", "L, P"));
            }
        }
        LocalDate birth = null;
        String rawDate = f.getOrDefault("birthDate", "");
        if (!rawDate.isBlank()) {
            try {
                birth = LocalDate.parse(rawDate.trim());
            } catch (DateTimeParseException e) {
                problems.add(FieldProblem.of("birthDate", "value.unreadable"));
            }
        }
        String name = f.getOrDefault("fullName", "");
        if (name.isBlank()) {
            problems.add(FieldProblem.of("fullName", "jakarta.validation.constraints.NotBlank.message"));
        } else if (name.length() > 150) {
            problems.add(FieldProblem.of("fullName", "jakarta.validation.constraints.Size.message", 1, 150));
        }
        for (String field : FIELDS) {
            if (f.getOrDefault(field, "").length() > 200) {
                problems.add(FieldProblem.of(field, "jakarta.validation.constraints.Size.message", 0, 200));
            }
        }
        return new ParticipantRequest(name, f.get("frontTitle"), f.get("backTitle"), f.get("nip"), f.get("nik"), category,
                f.get("birthPlace"), birth, sex, f.get("golongan"), f.get("jabatan"), f.get("unitKerja"), f.get("instansi"),
                blankToNull(f.get("email")), f.get("phone"), f.get("nrp"));
    }

    private HttpResponse<?> form(HttpRequest<?> request, Authentication auth, HttpStatus status, Long id, Map<String, String> values,
                                 Map<String, String> errors, Map<String, String> general) {
        Map<String, Object> model = pages.model(request, auth);
        model.put("id", id);
        model.put("v", values);
        model.put("errors", errors);
        model.put("general", general);
        model.put("saved", request.getParameters().get("tersimpan") != null);
        model.put("resent", request.getParameters().get("dikirim") != null);
        // beside the form, the same facts the participant sees on their own page
        model.put("person", id == null ? null : participants.findById(id).map(p -> {
            records.put(model, p, pages.locale(request));
            deliveries.put(model, p);
            return p.printedName();
        }).orElse(null));
        // the pas foto, addressed by its hash so a replaced picture is never shown from a cache
        model.put("photoUrl", id == null ? null : photos.current(id).map(ph -> "/peserta/" + id + "/foto?v=" + ph.sha256().substring(0, 12))
                .orElse(null));
        model.put("categories", Category.values());
        model.put("sexes", Sex.values());
        return HttpResponse.status(status).body(new ModelAndView<>("peserta-form", model));
    }

    private static void put(Map<String, String> values, String key, Object value) {
        if (value != null) {
            values.put(key, value.toString());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
