package eu.borderflow.risk.rules;

import eu.borderflow.schema.FindingKind;
import java.io.Serializable;
import java.util.Set;

/**
 * What a rule is: its id and version, the kind of finding it produces, and the input fields it may read.
 * The allow-list is enforced by tests that change every other field and expect identical flags, and by
 * {@link ProtectedAttributes}, which keeps protected attributes out of every allow-list.
 *
 * @param allowList field paths of the input records, e.g. {@code "document.number"}, {@code "event_time"}
 */
public record RuleDescriptor(String id, String version, FindingKind kind, Set<String> allowList)
        implements Serializable {

    public RuleDescriptor {
        allowList = Set.copyOf(allowList);
        ProtectedAttributes.check(id, allowList);
    }

    public RuleDescriptor withVersion(String configuredVersion) {
        return new RuleDescriptor(id, configuredVersion, kind, allowList);
    }
}
