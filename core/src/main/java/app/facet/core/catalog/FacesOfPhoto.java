package app.facet.core.catalog;

import app.facet.model.Face;

import java.util.List;

/**
 * The face rows of one photo, as {@link FaceRows} maps them (a degenerate stored box is a null {@link Face#box()}).
 *
 * @param faces      the rows that could be mapped, left to right ({@code ORDER BY x, y, id})
 * @param unreadable rows holding a value no code path of Facet writes (mapping them failed; each is logged)
 */
public record FacesOfPhoto(List<Face> faces, int unreadable) {
}
