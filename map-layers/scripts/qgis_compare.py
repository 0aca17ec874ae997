#!/usr/bin/python3
"""QGIS's full redraw of the issue-15 views, to compare with map-layers' RenderCompare (docs/benchmarks.md).

Reads the GeoJSON that RenderCompare writes (629,724 parts, the unit grids, the 4 urban districts), converts it
once to GeoPackage in EPSG:3857 (QGIS's fastest case: an R-tree index and no reprojection while drawing), styles it
like harness/CityLayers (same colours, pixel sizes, anti-aliasing on) and times QgsMapRendererParallelJob on two
threads for a 1920x1080 image at the same centre and zoom, one warm-up then N runs, no render cache.
Usage: QT_QPA_PLATFORM=offscreen /usr/bin/python3 qgis_compare.py DIR [RUNS]
"""
import math
import os
import statistics
import subprocess
import sys
import time

from qgis.core import (QgsApplication, QgsCategorizedSymbolRenderer, QgsCoordinateReferenceSystem,
                       QgsFillSymbol, QgsMapRendererParallelJob, QgsMapSettings, QgsMarkerSymbol,
                       QgsRectangle, QgsRendererCategory, QgsVectorLayer)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

VIEWS = [("city", 114.05, 35.25, 9.6), ("district", 113.895, 35.305, 13.2), ("street", 113.8985, 35.2985, 17.0)]
CLASSES = [("井盖", "#4cc9f0", "circle"), ("路灯", "#ffd166", "circle"), ("行道树", "#52b788", "triangle"),
           ("垃圾箱", "#c77dff", "square"), ("消防栓", "#ef476f", "diamond"), ("交通信号灯", "#ff9f1c", "diamond")]
R = 6378137.0


def gpkg(directory, name):
    target = os.path.join(directory, name + ".gpkg")
    if not os.path.exists(target):
        subprocess.run(["ogr2ogr", "-f", "GPKG", "-t_srs", "EPSG:3857", "-nln", name, target,
                        os.path.join(directory, name + ".geojson")], check=True)
    layer = QgsVectorLayer(target + "|layername=" + name, name, "ogr")
    if not layer.isValid():
        raise SystemExit("cannot open " + target)
    return layer


def rgba(hex_colour, alpha):
    c = QColor(hex_colour)
    return "%d,%d,%d,%d" % (c.red(), c.green(), c.blue(), round(alpha * 255))


def style(districts, grids, parts):
    districts.renderer().setSymbol(QgsFillSymbol.createSimple({
        "color": rgba("#1b3a5c", 0.55), "outline_color": rgba("#5fa8ff", 1), "outline_width": "2",
        "outline_width_unit": "Pixel"}))
    grids.renderer().setSymbol(QgsFillSymbol.createSimple({
        "color": rgba("#2a6f97", 0.10), "outline_color": rgba("#4f8fb0", 0.45), "outline_width": "1",
        "outline_width_unit": "Pixel"}))
    categories = []
    for value, colour, shape in CLASSES:
        # map-layers: radius 3.5 px, triangles and diamonds drawn 1.2x; no outline
        size = 7.0 if shape in ("circle", "square") else 8.4
        symbol = QgsMarkerSymbol.createSimple({"name": shape, "color": rgba(colour, 1), "size": str(size),
                                               "size_unit": "Pixel", "outline_style": "no"})
        categories.append(QgsRendererCategory(value, symbol, value))
    parts.setRenderer(QgsCategorizedSymbolRenderer("class", categories))


def settings(layers, lng, lat, zoom):
    s = QgsMapSettings()
    s.setLayers(layers)
    s.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    s.setOutputSize(QSize(1920, 1080))
    s.setOutputDpi(96)
    s.setBackgroundColor(QColor("#0d1b2a"))
    s.setFlag(QgsMapSettings.Antialiasing, True)
    x = R * math.radians(lng)
    y = R * math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
    res = 2 * math.pi * R / (256 * 2 ** zoom)
    s.setExtent(QgsRectangle(x - 960 * res, y - 540 * res, x + 960 * res, y + 540 * res))
    return s


def main():
    directory = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    QgsApplication.setMaxThreads(2)
    districts, grids, parts = gpkg(directory, "districts"), gpkg(directory, "grids"), gpkg(directory, "parts")
    style(districts, grids, parts)
    print("QGIS %s, %d parts, %d grids, %d districts" % (
        __import__("qgis.core").core.Qgis.QGIS_VERSION, parts.featureCount(), grids.featureCount(),
        districts.featureCount()))
    for name, lng, lat, zoom in VIEWS:
        # the layers map-layers shows at that zoom (grids from 15 on); top layer first
        layers = [parts, grids, districts] if zoom >= 15 else [parts, districts]
        times = []
        cpu = []
        image = None
        for run in range(runs + 1):
            job = QgsMapRendererParallelJob(settings(layers, lng, lat, zoom))
            start = time.perf_counter()
            cpu_start = time.process_time()
            job.start()
            job.waitForFinished()
            elapsed = (time.perf_counter() - start) * 1000
            if run > 0:
                times.append(elapsed)
                # CPU of the whole process (all render threads): what the machine's other load cannot inflate
                cpu.append((time.process_time() - cpu_start) * 1000)
            image = job.renderedImage()
        image.save(os.path.join(directory, "qgis-%s.png" % name))
        print("QGIS %s zoom %.1f: complete 1920x1080 view p50 %.1f ms, min %.1f ms, CPU p50 %.1f ms (%d runs,"
              " 2 threads)" % (name, zoom, statistics.median(times), min(times), statistics.median(cpu), runs))
    sys.stdout.flush()
    # QGIS 3.22's exitQgis() may crash after a headless run; every figure is printed by now
    os._exit(0)


if __name__ == "__main__":
    main()
