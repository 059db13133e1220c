package eu.borderflow.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where {@code deploy --resume} starts a job: the newest completed checkpoint in the job's own checkpoint storage. A
 * job stopped with a savepoint ({@code upgrade}, {@code stop --savepoint}) leaves no checkpoint behind, so in the first
 * checkpoint interval after an upgrade the newest checkpoint is an older run's, behind the savepoint. Savepoints of
 * both jobs share the cluster's folder and their names do not say which job took them: a savepoint newer than the
 * checkpoint is named to the operator, who chooses, rather than resumed from or passed over.
 */
final class ResumePoint {

    private ResumePoint() {}

    /**
     * The checkpoint to resume {@code job} from.
     *
     * @param checkpointStorage the job's checkpoint storage, a file: URI
     * @param savepointDirectory the cluster's savepoint folder, if it has one
     */
    static Path find(String job, String checkpointStorage, Optional<String> savepointDirectory) {
        Path checkpoint = LatestCheckpoint.in(checkpointStorage)
                .orElseThrow(() -> new UserError("no completed checkpoint of " + job + " under " + checkpointStorage
                        + " to resume from; `ops/borderflow deploy " + job + "` without --resume starts with empty "
                        + "state from the consumer group's committed offsets"));
        long completed = LatestCheckpoint.completedMillis(checkpoint);
        List<Path> newer = savepointDirectory
                .filter(dir -> dir.startsWith("file:"))
                .map(dir -> LatestCheckpoint.completedUnder(Path.of(URI.create(dir)), "savepoint-"))
                .orElse(List.of())
                .stream()
                .filter(savepoint -> LatestCheckpoint.completedMillis(savepoint) > completed)
                .toList();
        if (!newer.isEmpty()) {
            throw new UserError("the newest checkpoint of " + job + ", " + checkpoint + " (completed "
                    + LatestCheckpoint.completedAt(checkpoint) + "), is older than "
                    + (newer.size() == 1 ? "the savepoint " : "the savepoints ") + newer + ". If one of them is "
                    + job + "'s (upgrade or stop --savepoint since that checkpoint), deploy from it with "
                    + "--from-savepoint; if they are the other job's, resume from the checkpoint with --from-savepoint "
                    + checkpoint);
        }
        return checkpoint;
    }
}
