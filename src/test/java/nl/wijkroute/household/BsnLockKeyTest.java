package nl.wijkroute.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.Bsns;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The lock that makes simultaneous signals for one BSN wait never shows the BSN to whoever watches pg_locks. */
class BsnLockKeyTest extends ApiTestSupport {

    @Autowired
    HouseholdService households;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void theLockForABsnIsKeyedByAPepperedHashNotByTheBsn() {
        String bsn = Bsns.random();
        NewHousehold household = new NewHousehold("Huishouden slot", "noord", "4901 AB",
                List.of(new NewHousehold.NewMember("Piet", "Slot", LocalDate.of(1980, 1, 1), bsn)));

        List<Long> heldKeys = transaction.execute(status -> {
            households.findOrRegister(household, "household");
            status.setRollbackOnly();
            return jdbc.queryForList("""
                    select objid::bigint from pg_locks
                    where locktype = 'advisory' and classid::bigint = ? and pid = pg_backend_pid()""",
                    Long.class, 0x4253_4e00L);
        });

        assertThat(heldKeys).as("one lock for the one BSN, held until the transaction ends").hasSize(1);
        long objid = heldKeys.get(0);
        assertThat(objid).as("the lock key is not the BSN").isNotEqualTo(Long.parseLong(bsn))
                .isNotEqualTo(Integer.toUnsignedLong(Integer.parseInt(bsn)));
    }
}
