package org.radiome.image.dicom;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/**
 * Parses DICOM DA, TM and DT values (PS3.5 §6.2) into seconds on one local time line. UTC offsets
 * in DT values are ignored: the scan and injection times of one study are taken as local times of
 * the same place, as the standard's Series Date/Time are. Returns NaN for an absent or malformed value.
 */
final class DicomTime {
    private DicomTime() {}

    private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

    /** Seconds since 1970-01-01T00:00 (local) of a DA and a TM value. */
    static double seconds(String date, String time) {
        LocalDate d = date(date);
        double t = timeOfDay(time);
        if (d == null || Double.isNaN(t)) return Double.NaN;
        return ChronoUnit.DAYS.between(EPOCH.toLocalDate(), d) * 86400.0 + t;
    }

    /** Seconds since 1970-01-01T00:00 (local) of a DT value. */
    static double seconds(String dateTime) {
        if (dateTime == null) return Double.NaN;
        String s = dateTime.trim();
        int offset = Math.max(s.indexOf('+'), s.indexOf('-'));
        if (offset > 0) s = s.substring(0, offset);
        if (s.length() < 8) return Double.NaN;
        String time = s.length() > 8 ? s.substring(8) : "00";
        return seconds(s.substring(0, 8), time);
    }

    static LocalDate date(String da) {
        if (da == null) return null;
        String s = da.trim().replace(".", "");
        if (s.length() != 8) return null;
        try {
            return LocalDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)), Integer.parseInt(s.substring(6, 8)));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Seconds after midnight of a TM value: HH[MM[SS[.FFFFFF]]], or the older HH:MM:SS.frac. */
    static double timeOfDay(String tm) {
        if (tm == null) return Double.NaN;
        String s = tm.trim().replace(":", "");
        if (s.length() < 2) return Double.NaN;
        try {
            int hh = Integer.parseInt(s.substring(0, 2));
            int mm = s.length() >= 4 ? Integer.parseInt(s.substring(2, 4)) : 0;
            double ss = s.length() > 4 ? Double.parseDouble(s.substring(4)) : 0;
            if (hh > 23 || mm > 59 || ss >= 61) return Double.NaN;
            return LocalTime.of(hh, mm).toSecondOfDay() + ss;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
