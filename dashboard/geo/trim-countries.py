#!/usr/bin/env python3
"""Trims Natural Earth 1:110m Admin 0 countries (public domain) to what the dashboard draws: the polygons that
reach into Europe and its neighbours, with only an id and a name, coordinates rounded to 0.01 degree (about 1 km,
the precision of the 1:110m data).

Usage: geo/trim-countries.py ne_110m_admin_0_countries.geojson > src/main/resources/web/geo/countries.geojson
"""
import json
import sys

WEST, EAST, SOUTH, NORTH = -32.0, 60.0, 20.0, 75.0


def inside(ring):
    return any(WEST <= lon <= EAST and SOUTH <= lat <= NORTH for lon, lat in ring)


def rounded(ring):
    return [[round(lon, 2), round(lat, 2)] for lon, lat in ring]


def main(path):
    source = json.load(open(path, encoding="utf-8"))
    features = []
    for feature in source["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        kept = [[rounded(ring) for ring in polygon] for polygon in polygons if inside(polygon[0])]
        if not kept:
            continue
        properties = feature["properties"]
        features.append({
            "type": "Feature",
            "properties": {"id": properties["ADM0_A3"], "name": properties["NAME"]},
            "geometry": {"type": "MultiPolygon", "coordinates": kept},
        })
    features.sort(key=lambda f: f["properties"]["id"])
    json.dump({"type": "FeatureCollection",
               "attribution": "Made with Natural Earth (public domain), naturalearthdata.com",
               "features": features}, sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
