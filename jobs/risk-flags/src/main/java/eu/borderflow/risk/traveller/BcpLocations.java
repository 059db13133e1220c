package eu.borderflow.risk.traveller;

import java.io.Serializable;

/** Reference data of the border crossing points, by BCP code. Serializable so operators can carry it to the cluster. */
public interface BcpLocations extends Serializable {

    /** The BCP with this code, or {@code null} when the reference data does not know it. */
    BcpLocation find(String code);
}
