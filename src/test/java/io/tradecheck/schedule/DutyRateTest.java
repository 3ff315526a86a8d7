package io.tradecheck.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rate texts as the HTS columns state them (each taken from a real line). */
class DutyRateTest {

    @Test
    void freeAndAdValoremRates() {
        assertTrue(DutyRate.parse("Free").isFree());
        assertEquals(new BigDecimal("16.5"), DutyRate.parse("16.5%").adValorem());
        assertTrue(DutyRate.parse("16.5%").isAdValoremOnly());
    }

    @Test
    void specificAndCompoundRatesInDollarsPerUnit() {
        DutyRate compound = DutyRate.parse("8.8¢/kg + 20%"); // 0709.51.01
        assertEquals(new BigDecimal("20"), compound.adValorem());
        assertEquals(List.of(new DutyRate.Specific(new BigDecimal("0.088"), "kg")), compound.specific());
        assertEquals("0.088/kg", compound.specificText());
        assertEquals("1.05/doz", DutyRate.parse("$1.05/doz.").specificText());
        assertEquals("0.044/liter + 0.314/pf.liter", DutyRate.parse("4.4¢/liter + 31.4¢/pf. liter").specificText());
        assertEquals("1.5/each", DutyRate.parse("$1.50 each + 65%").specificText());
        assertEquals(new BigDecimal("2.194"), DutyRate.parse("$2.194/kg + 10%").specific().get(0).amount());
    }

    @Test
    void qualifiedRatesAreKeptAsTextAndNotComputed() {
        for (String text : List.of("9.3¢/kg on drained weight", "$1.50 each + 45% on the case + 35% on the battery",
                "The duty provided in the applicable subheading + 7.5%", "See additional U.S. note 5",
                "6.58170¢/kg of total sugars")) {
            DutyRate rate = DutyRate.parse(text);
            assertFalse(rate.computable(), text);
            assertNull(rate.percentOf(new BigDecimal("1000"), BigDecimal.ONE, "kg"), text);
            assertEquals(text, rate.text());
        }
    }

    @Test
    void aSpecificRateBecomesAPercentOfTheValueGivenQuantityAndUnit() {
        DutyRate rate = DutyRate.parse("8.8¢/kg + 20%");
        // 1 t = 1,000 kg at 8.8 cents = $88 on $5,000 = 1.76%, plus 20%
        assertEquals(0, new BigDecimal("21.76").compareTo(rate.percentOf(new BigDecimal("5000"), BigDecimal.ONE, "t")));
        assertEquals(0, new BigDecimal("21.76").compareTo(rate.percentOf(new BigDecimal("5000"), new BigDecimal("1000"), "kg")));
        assertNull(rate.percentOf(new BigDecimal("5000"), new BigDecimal("1000"), "liter"), "kg from liters needs a density");
        DutyRate perDozen = DutyRate.parse("$1.05/doz.");
        // 120 pieces = 10 dozen = $10.50 on $1,050 = 1%
        assertEquals(0, BigDecimal.ONE.compareTo(perDozen.percentOf(new BigDecimal("1050"), new BigDecimal("120"), "pcs")));
    }
}
