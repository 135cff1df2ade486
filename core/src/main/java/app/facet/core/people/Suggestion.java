package app.facet.core.people;

/**
 * A face recognition is unsure about, waiting for the user.
 *
 * @param faceId     the face
 * @param personId   the suggested person
 * @param personName that person's name
 * @param similarity cosine similarity in [-1, 1] between the face and the person (higher is more alike)
 */
public record Suggestion(long faceId, long personId, String personName, double similarity) {
}
