package eu.borderflow.seeds.generate;

import java.nio.file.Path;
import java.time.LocalDate;

/** The arguments of one generator run; everything in the dataset is a function of these. */
public record GenerateOptions(long seed, int travellers, int days, LocalDate start, Path out) {

    public static final long DEFAULT_SEED = 42;
    public static final int DEFAULT_TRAVELLERS = 10_000;
    public static final int DEFAULT_DAYS = 60;
    public static final String DEFAULT_START = "2025-01-06";
    public static final int MAX_DAYS = 3650;
}
