package eu.borderflow.picture.ingest;

import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;

/** The border sections the picture is kept for: the ids of the section reference table. */
public final class KnownSections implements Serializable {

    private static final long serialVersionUID = 1L;

    private final HashSet<String> ids;

    public KnownSections(Set<String> ids) {
        this.ids = new HashSet<>(ids);
    }

    public boolean contains(String id) {
        return id != null && ids.contains(id);
    }
}
