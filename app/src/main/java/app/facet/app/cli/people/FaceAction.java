package app.facet.app.cli.people;

import app.facet.core.people.UndoableAction;
import picocli.CommandLine.Parameters;

/**
 * A correction of one face ({@code facet faces unassign FACE_ID}, {@code facet people confirm FACE_ID}, …): the face id
 * argument and the one-line report of the core action's description.
 */
public abstract class FaceAction extends PeopleAction {
    @Parameters(index = "0", paramLabel = "FACE_ID", description = "The face: an id from `facet faces` or `facet people suggestions`.")
    protected long face;

    @Override
    protected String act(PeopleSession session) {
        return apply(session, face).description() + ".";
    }

    /**
     * @return what core did, for the report
     * @throws app.facet.app.cli.UserError when the face or person does not exist or the change breaks a rule
     */
    protected abstract UndoableAction apply(PeopleSession session, long faceId);
}
