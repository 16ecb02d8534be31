package id.piagam.certificate;

import id.piagam.Digests;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The issued PDFs. Each is stored as its own bytes with the large resources it shares with the other
 * certificates of its template (the background image) taken out and kept once ({@link PdfSegments}), so a
 * certificate with a 256 KB background costs tens of kilobytes. Every reader (download, ZIP, print PDF,
 * upload check, mail attachment) gets the PDF back whole through {@link #findById}, which checks it against
 * the certificate's recorded SHA-256: a PDF that does not match is an error, never served. Rows written
 * before V26 (whole PDFs) are read as they are and compacted in the background after start-up.
 */
@Singleton
public class CertificatePdfRepository implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(CertificatePdfRepository.class);
    private static final long CACHE_BYTES = 32L << 20;

    private final StoredPdfRepository stored;
    private final PdfResourceRepository resources;
    private final CertificateRepository certificates;
    private final TransactionOperations<Connection> tx;
    /** Resources are immutable (named by their hash): the most recently used ones stay in memory. */
    private final Map<String, byte[]> cache = new LinkedHashMap<>(16, 0.75f, true);
    private long cachedBytes;
    /** Hashes seen committed in the database: no need to offer their bytes again. */
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    /**
     * Hashes of the smaller pieces this process has seen once (at most {@link #SEEN_ONCE_MOST}, then forgotten): seen
     * again, a piece is kept once ({@link PdfSegments#split(byte[], int, java.util.function.Predicate)}).
     */
    private final Set<String> seenOnce = ConcurrentHashMap.newKeySet();
    private static final int SEEN_ONCE_MOST = 10_000;

    CertificatePdfRepository(StoredPdfRepository stored, PdfResourceRepository resources, CertificateRepository certificates,
                             TransactionOperations<Connection> tx) {
        this.stored = stored;
        this.resources = resources;
        this.certificates = certificates;
        this.tx = tx;
    }

    /** The certificate's PDF exactly as issued, or empty when it has none. */
    public Optional<CertificatePdf> findById(Long certificateId) {
        return certificates.findById(certificateId).flatMap(this::find);
    }

    /**
     * The PDF of a certificate already read, checked against the hash it records (one read fewer than
     * {@link #findById}, for the ZIP and the downloads, which hold the certificate anyway).
     */
    public Optional<CertificatePdf> find(Certificate certificate) {
        Long certificateId = certificate.id();
        return stored.findById(certificateId).map(row -> {
            byte[] pdf = PdfSegments.join(row.bytes(), row.resources(), this::resource);
            String expected = certificate.sha256();
            if (!Digests.sha256(pdf).equals(expected)) {
                throw new IllegalStateException("stored PDF of certificate " + certificateId + " does not match its recorded SHA-256");
            }
            return new CertificatePdf(certificateId, pdf);
        });
    }

    /** Stores an issued PDF in the caller's transaction. */
    public void save(CertificatePdf pdf) {
        save(pdf.certificateId(), split(pdf.bytes()));
    }

    /**
     * The PDF cut as it is stored: may run ahead, outside the transaction ({@link NewCertificates#prepare}). The large
     * pieces are always kept once; a smaller one from the second time this process sees it (a template's logo,
     * signature and colour profile, from the second certificate printed with it on), so a piece only one certificate
     * has (a participant's photo) is not made a resource of its own.
     */
    PdfSegments.Split split(byte[] pdf) {
        return PdfSegments.split(pdf, PdfSegments.SHARED_MINIMUM, this::repeated);
    }

    /** Whether a smaller piece is stored already or was seen before; remembers it when not. */
    private boolean repeated(String sha256) {
        if (known.contains(sha256) || seenOnce.contains(sha256)) {
            return true;
        }
        if (seenOnce.size() >= SEEN_ONCE_MOST) {
            seenOnce.clear();
        }
        seenOnce.add(sha256);
        return false;
    }

    /** Stores an issued PDF already cut by {@link #split(byte[])} in the caller's transaction. */
    void save(long certificateId, PdfSegments.Split split) {
        for (PdfSegments.Piece piece : split.pieces()) {
            if (known.contains(piece.sha256())) {
                continue;
            }
            if (resources.existsById(piece.sha256())) {
                known.add(piece.sha256());
            } else {
                resources.insertIfAbsent(piece.sha256(), piece.bytes());
            }
        }
        stored.save(new StoredPdf(certificateId, split.rest(), split.manifest()));
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        Thread t = new Thread(this::compactWholeRows, "pdf-compaction");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Rewrites every row stored whole (before V26) in its compact form, one row per transaction; the PDF
     * joined from the new form must have the certificate's hash or the row is left as it was. Answers how
     * many rows were rewritten.
     */
    int compactWholeRows() {
        int done = 0;
        try {
            List<Long> ids;
            while (!(ids = stored.findWholeIds(100)).isEmpty()) {
                for (Long id : ids) {
                    if (!tx.executeWrite(status -> compact(id))) {
                        return done;
                    }
                    done++;
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Compacting stored PDFs stopped after {} rows", done, e);
        }
        if (done > 0) {
            LOG.info("Compacted {} stored PDFs (shared resources kept once)", done);
        }
        return done;
    }

    private boolean compact(Long id) {
        StoredPdf row = stored.findById(id).orElseThrow();
        if (row.resources() != null) {
            return true;
        }
        String expected = certificates.findById(id).map(Certificate::sha256).orElse(null);
        if (!Digests.sha256(row.bytes()).equals(expected)) {
            LOG.error("Stored PDF of certificate {} does not match its recorded SHA-256; left as it is", id);
            return false;
        }
        PdfSegments.Split split = split(row.bytes());
        for (PdfSegments.Piece piece : split.pieces()) {
            resources.insertIfAbsent(piece.sha256(), piece.bytes());
        }
        byte[] joined = PdfSegments.join(split.rest(), split.manifest(), h -> split.pieces().stream()
                .filter(p -> p.sha256().equals(h)).findFirst().map(PdfSegments.Piece::bytes).orElse(null));
        if (!Digests.sha256(joined).equals(expected)) {
            throw new IllegalStateException("compact form of certificate " + id + " does not join back to its PDF");
        }
        stored.compact(id, split.rest(), split.manifest());
        return true;
    }

    private byte[] resource(String sha256) {
        synchronized (cache) {
            byte[] hit = cache.get(sha256);
            if (hit != null) {
                return hit;
            }
        }
        byte[] bytes = resources.findById(sha256).map(PdfResource::bytes).orElse(null);
        if (bytes == null || !Digests.sha256(bytes).equals(sha256)) {
            throw new IllegalStateException("PDF resource " + sha256 + " is missing or damaged");
        }
        synchronized (cache) {
            if (cache.put(sha256, bytes) == null) {
                cachedBytes += bytes.length;
            }
            var it = cache.entrySet().iterator();
            while (cachedBytes > CACHE_BYTES && it.hasNext()) {
                cachedBytes -= it.next().getValue().length;
                it.remove();
            }
        }
        return bytes;
    }
}
