package id.piagam.assessment;

import id.piagam.validation.FieldProblem;
import id.piagam.rules.DomainRefusal;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

/** Loads and versions grade scales. */
@Singleton
public class GradeScales {

    /** The scale seeded by the first migration (DOMAIN.md's common four bands). */
    public static final String DEFAULT_CODE = "UMUM-4";

    private final GradeScaleRepository scales;
    private final GradeBandRepository bands;
    private final Clock clock;
    private final Map<Long, GradeScale> cache = new ConcurrentHashMap<>();

    GradeScales(GradeScaleRepository scales, GradeBandRepository bands, Clock clock) {
        this.scales = scales;
        this.bands = bands;
        this.clock = clock;
    }

    /** A stored version never changes, so it is read once. */
    public Optional<GradeScale> find(long id) {
        GradeScale cached = cache.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<GradeScale> found = scales.findById(id).map(this::toDomain);
        found.ifPresent(s -> cache.put(id, s));
        return found;
    }

    public GradeScaleRow defaultScale() {
        return scales.findLatest(DEFAULT_CODE).orElseThrow();
    }

    public Optional<GradeScaleRow> row(long id) {
        return scales.findById(id);
    }

    public List<GradeScaleViews.ScaleView> list() {
        return scales.findAllOrderByCodeAscAndVersionAsc().stream().map(this::view).toList();
    }

    public GradeScaleViews.ScaleView view(GradeScaleRow row) {
        GradeScale scale = toDomain(row);
        return new GradeScaleViews.ScaleView(row.id(), row.code(), row.version(), row.name(), scale.passBoundary().orElse(null),
                scale.bands().stream().map(b -> new GradeScaleViews.BandView(b.label(), b.lowerBound(), b.passing())).toList());
    }

    /** Stores a scale as the next version of its code; a stored version is never changed. */
    @Transactional
    public GradeScaleRow create(GradeScaleViews.ScaleRequest request) {
        List<GradeBand> domainBands = request.bands().stream()
                .map(b -> new GradeBand(b.label().trim(), b.lowerBound(), b.passing())).toList();
        List<FieldProblem> problems = new GradeScale(request.code(), 0, request.name(), domainBands).check("bands", domainBands);
        if (!problems.isEmpty()) {
            throw DomainRefusal.invalid(problems);
        }
        int version = scales.findMaxVersionByCode(request.code()).orElse(0) + 1;
        GradeScaleRow row = scales.save(new GradeScaleRow(null, request.code(), version, request.name().trim(), clock.instant()));
        List<GradeBand> sorted = new GradeScale(request.code(), version, request.name(), domainBands).bands();
        for (int i = 0; i < sorted.size(); i++) {
            GradeBand b = sorted.get(i);
            bands.save(new GradeBandRow(null, row.id(), b.label(), b.lowerBound().setScale(2), b.passing(), i + 1));
        }
        return row;
    }

    private GradeScale toDomain(GradeScaleRow row) {
        List<GradeBand> list = bands.findByScaleIdOrderByPosition(row.id()).stream()
                .map(b -> new GradeBand(b.label(), b.lowerBound(), b.passing())).toList();
        return new GradeScale(row.code(), row.version(), row.name(), list);
    }
}
