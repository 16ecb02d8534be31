package id.piagam.records;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How many records are computed at once (docs/load.md: measured on both engines with a bulk issue running). */
class RecordsGateTest {

    @Test
    void aConfiguredBoundIsKeptOnEitherEngine() {
        assertEquals(3, ParticipantRecords.gateSize(3, 2, true));
        assertEquals(3, ParticipantRecords.gateSize(3, 2, false));
    }

    @Test
    void byDefaultSqliteComputesTwoPerCoreAndADatabaseServerOnePerCore() {
        assertEquals(4, ParticipantRecords.gateSize(0, 2, true));
        assertEquals(16, ParticipantRecords.gateSize(0, 8, true));
        assertEquals(2, ParticipantRecords.gateSize(0, 2, false));
        assertEquals(8, ParticipantRecords.gateSize(0, 8, false));
    }
}
