// The viewer's speed through the whole Qt path (QOpenGLWidget → VTK → Qt's compositor → X), with
// plain-VTK peers in the same run. Needs a display (xvfb-run); run by viewer_bench.sh, which
// prepares the CT series and prints the startup figures.
//
//   viewer_bench CT_FOLDER DATA_DIR
//
// Prints one Markdown table row per measure: | measure | Lumen | peer | target |.
#include "BenchSupport.h"
#include "core/LabelMap.h"
#include "core/WindowLevel.h"
#include "logic/Document.h"
#include "logic/SegmentEditor.h"
#include "logic/StudyBrowserModel.h"
#include "render/VolumeScene.h"
#include "ui/MainWindow.h"
#include "ui/SliceView.h"
#include "ui/StudyBrowserPanel.h"
#include "ui/ViewerLayout.h"
#include "ui/VolumeView.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QMouseEvent>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QThread>
#include <QTimer>
#include <QTreeView>
#include <QWheelEvent>

#include <vtkCamera.h>
#include <vtkColorTransferFunction.h>
#include <vtkImageData.h>
#include <vtkImageProperty.h>
#include <vtkImageResliceMapper.h>
#include <vtkImageSlice.h>
#include <vtkImageStack.h>
#include <vtkLookupTable.h>
#include <vtkPiecewiseFunction.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkSmartVolumeMapper.h>
#include <vtkVolume.h>
#include <vtkVolumeProperty.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>

using namespace lumen;
using namespace lumen::bench;

namespace {

// Frames per second of `step` (which must make `view` paint once) over `frames` frames.
// (Also the mean time inside paintGL, VTK's render and the blit, in `paintMs`.)
double frameRate(ui::VtkOpenGLWidget* view, int frames, const std::function<void(int)>& step, double* paintMs = nullptr) {
    spin([] { return false; }, 300);  // settle
    QElapsedTimer t;
    t.start();
    double paint = 0;
    for (int i = 0; i < frames; ++i) {
        const auto before = view->frameCount();
        step(i);
        if (!spin([&] { return view->frameCount() > before; }, 10000)) return 0;
        paint += view->lastFrameMs();
    }
    if (paintMs) *paintMs = paint / frames;
    return frames * 1000.0 / double(t.elapsed());
}

void sendWheel(QWidget* w, int notches) {
    const QPointF at(w->width() / 2.0, w->height() / 2.0);
    QWheelEvent e(at, w->mapToGlobal(at), QPoint(), QPoint(0, 120 * notches), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(w, &e);
}

void sendMouse(QWidget* w, QEvent::Type type, QPointF at, Qt::MouseButtons buttons) {
    QMouseEvent e(type, at, w->mapToGlobal(at), Qt::LeftButton, buttons, Qt::NoModifier);
    QApplication::sendEvent(w, &e);
}

// Bone (≥ 250 HU) as label 1 and a 40 mm ball as label 2: an AI result's worth of overlay.
core::LabelMap overlayFor(const core::Volume& ct) {
    core::LabelMap labels(ct.geometry());
    const auto& d = ct.geometry().dims();
    const core::Point3 ball = ct.geometry().indexToWorld({d[0] * 0.6, d[1] * 0.45, d[2] * 0.5});
    for (std::size_t k = 0; k < d[2]; ++k)
        for (std::size_t j = 0; j < d[1]; ++j)
            for (std::size_t i = 0; i < d[0]; ++i) {
                const std::size_t n = ct.linearIndex(i, j, k);
                if ((ct.geometry().indexToWorld({double(i), double(j), double(k)}) - ball).norm() < 20) labels.set(n, 2);
                else if (ct.realValue(n) >= 250) labels.set(n, 1);
            }
    return labels;
}

// Resizes the main window until the view is exactly w × h (the layout adds the rest).
void sizeViewTo(QWidget* window, QWidget* view, int w, int h) {
    for (int i = 0; i < 4 && (view->width() != w || view->height() != h); ++i) {
        window->resize(window->width() + w - view->width(), window->height() + h - view->height());
        spin([] { return false; }, 200);
    }
}

// vtkImageData over a core volume's voxels (copied: the peers own their data).
vtkSmartPointer<vtkImageData> toVtk(const core::Volume& v, int type) {
    auto image = vtkSmartPointer<vtkImageData>::New();
    const auto& d = v.geometry().dims();
    image->SetDimensions(int(d[0]), int(d[1]), int(d[2]));
    image->SetSpacing(v.geometry().spacing().x, v.geometry().spacing().y, v.geometry().spacing().z);
    image->AllocateScalars(type, 1);
    std::memcpy(image->GetScalarPointer(), v.data(), v.frameByteSize());
    return image;
}

// Peer: the usual VTK way (Slicer's and PLATFORM.md's): a vtkImageResliceMapper for the image and
// one with a lookup table for the labels, in a vtkImageStack, no Qt, scrolled slice by slice.
double vtkResliceScrollFps(const core::Volume& ct, const core::LabelMap& labels, int size, int frames) {
    vtkNew<vtkRenderWindow> window;
    window->SetOffScreenRendering(1);
    window->SetMultiSamples(0);
    window->SetSize(size, size);
    vtkNew<vtkRenderer> renderer;
    window->AddRenderer(renderer);
    vtkNew<vtkImageResliceMapper> imageMapper;
    imageMapper->SetInputData(toVtk(ct, VTK_SHORT));
    vtkNew<vtkImageSlice> image;
    image->SetMapper(imageMapper);
    const core::WindowLevel wl = core::defaultWindowLevel(ct);
    image->GetProperty()->SetColorWindow(wl.window / ct.rescale().slope);
    image->GetProperty()->SetColorLevel((wl.level - ct.rescale().intercept) / ct.rescale().slope);
    image->GetProperty()->SetInterpolationTypeToLinear();
    vtkNew<vtkLookupTable> table;
    table->SetNumberOfTableValues(256);
    table->SetRange(0, 255);
    for (int v = 0; v < 256; ++v) table->SetTableValue(v, v == 1 ? 0.9 : 0.2, v == 2 ? 0.9 : 0.3, 0.2, v == 0 ? 0.0 : 0.5);
    table->Build();
    vtkNew<vtkImageResliceMapper> labelMapper;
    labelMapper->SetInputData(toVtk(labels.voxels(), VTK_UNSIGNED_CHAR));
    vtkNew<vtkImageSlice> overlay;
    overlay->SetMapper(labelMapper);
    overlay->GetProperty()->SetLookupTable(table);
    overlay->GetProperty()->UseLookupTableScalarRangeOn();
    overlay->GetProperty()->SetInterpolationTypeToNearest();
    overlay->GetProperty()->SetLayerNumber(1);
    vtkNew<vtkImageStack> stack;
    stack->AddImage(image);
    stack->AddImage(overlay);
    renderer->AddViewProp(stack);
    vtkCamera* camera = renderer->GetActiveCamera();
    camera->ParallelProjectionOn();
    const auto& d = ct.geometry().dims();
    const double cx = d[0] * ct.geometry().spacing().x / 2, cy = d[1] * ct.geometry().spacing().y / 2;
    camera->SetParallelScale(cy);
    camera->SetViewUp(0, -1, 0);
    auto place = [&](int i) {
        const double z = double(i % int(d[2])) * ct.geometry().spacing().z;
        camera->SetFocalPoint(cx, cy, z);
        camera->SetPosition(cx, cy, z - 1000);
        renderer->ResetCameraClippingRange();
    };
    place(0);
    window->Render();
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < frames; ++i) {
        place(i);
        window->Render();
    }
    return frames * 1000.0 / double(t.elapsed());
}

// Peer: VTK's vtkSmartVolumeMapper with default settings (what Slicer and ParaView start with),
// same volume and transfer functions as a bone preset, rotating.
double smartMapperFps(const core::Volume& ct, int size, int frames) {
    vtkNew<vtkSmartVolumeMapper> mapper;
    mapper->SetInputData(toVtk(ct, VTK_SHORT));
    vtkNew<vtkColorTransferFunction> colour;
    colour->AddRGBPoint(-1000 + 1024, 0, 0, 0);
    colour->AddRGBPoint(300 + 1024, 0.9, 0.8, 0.6);
    colour->AddRGBPoint(1500 + 1024, 1, 1, 0.9);
    vtkNew<vtkPiecewiseFunction> opacity;
    opacity->AddPoint(150 + 1024, 0);
    opacity->AddPoint(400 + 1024, 0.6);
    vtkNew<vtkVolumeProperty> property;
    property->SetColor(colour);
    property->SetScalarOpacity(opacity);
    property->ShadeOn();
    property->SetInterpolationTypeToLinear();
    vtkNew<vtkVolume> volume;
    volume->SetMapper(mapper);
    volume->SetProperty(property);
    vtkNew<vtkRenderer> renderer;
    renderer->AddVolume(volume);
    vtkNew<vtkRenderWindow> window;
    window->SetOffScreenRendering(1);
    window->SetMultiSamples(0);
    window->SetSize(size, size);
    window->AddRenderer(renderer);
    renderer->ResetCamera();
    window->Render();
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < frames; ++i) {
        renderer->GetActiveCamera()->Azimuth(3);
        window->Render();
    }
    return frames * 1000.0 / double(t.elapsed());
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: viewer_bench CT_FOLDER DATA_DIR (under xvfb-run)\n");
        return 2;
    }
    qputenv("LUMEN_DATA_DIR", argv[2]);
    qputenv("LUMEN_NO_DIALOGS", "1");
    ui::VtkOpenGLWidget::setDefaultSurfaceFormat();
    QApplication app(argc, argv);
    QApplication::setOrganizationName("LumenBench");
    QApplication::setApplicationName("LumenBench");

    ui::MainWindow window;
    window.resize(1400, 900);
    window.show();
    spin([] { return false; }, 500);
    ui::SliceView* view = window.viewerLayout()->sliceView(0);
    view->makeCurrent();
    const auto* renderer = reinterpret_cast<const char*>(QOpenGLContext::currentContext()->functions()->glGetString(GL_RENDERER));
    std::printf("OpenGL renderer: %s; %d cores\n\n| measure | Lumen | peer, same run | target |\n|---|---|---|---|\n",
                renderer ? renderer : "unknown", QThread::idealThreadCount());
    view->doneCurrent();
    StallMeter stall;

    // Import the series (headers, thumbnails) while watching the event loop.
    int imported = -1;
    QObject::connect(&window, &ui::MainWindow::importFinished, [&](int n) { imported = n; });
    QElapsedTimer t;
    t.start();
    stall.start();
    window.importPaths({QString::fromLocal8Bit(argv[1])}, false);
    if (!spin([&] { return imported >= 0; })) return 1;
    const double importMs = double(t.elapsed()), importStall = stall.stop();
    const auto patients = static_cast<logic::StudyBrowserModel*>(window.browser()->tree()->model())->database().patients();
    QString uid;
    for (const auto& p : patients)
        for (const auto& st : p.studies)
            for (const auto& se : st.series)
                if (se.images >= 400) uid = QString::fromStdString(se.seriesUid);
    if (uid.isEmpty()) {
        std::fprintf(stderr, "the 400-slice series is not in the database\n");
        return 1;
    }

    // Open it twice (the second with the page cache warm): first image, whole series, stalls.
    window.setViewLayout(ui::Layout::Single);
    sizeViewTo(&window, view, 512, 512);
    QString opened;
    QObject::connect(&window, &ui::MainWindow::seriesOpened, [&](const QString& s) { opened = s; });
    double firstImageMs = 0, loadedMs = 0, loadStall = 0;
    for (int round = 0; round < 2; ++round) {
        spin([] { return false; }, 500);
        opened.clear();
        const auto frames = view->frameCount();
        t.restart();
        stall.start();
        window.openSeries(uid);
        if (!spin([&] { return view->frameCount() > frames; })) return 1;
        firstImageMs = double(t.elapsed());
        if (!spin([&] { return !opened.isEmpty(); })) return 1;
        loadedMs = double(t.elapsed());
        if (qEnvironmentVariableIsSet("VIEWER_BENCH_STALLS")) std::fprintf(stderr, "first %.0f loaded %.0f\n", firstImageMs, loadedMs);
        spin([] { return false; }, 300);
        loadStall = std::max(loadStall, stall.stop());
    }
    const core::Volume ct = window.document()->volume();

    // Scrolling with a label overlay, 512² and 1024², wheel events through the event loop.
    window.document()->setLabels(overlayFor(ct));
    const int frames = 300;
    double wheelHandler = 0;  // the wheel event's own work (slice change, overlays, corner text), summed
    auto scroll = [&](int i) {
        QElapsedTimer handler;
        handler.start();
        sendWheel(view, (i / 150) % 2 ? -1 : 1);
        wheelHandler += handler.nsecsElapsed() / 1e6;
    };
    double paint512 = 0, paint1024 = 0;
    const double scroll512 = frameRate(view, frames, scroll, &paint512);
    const double wheel512 = wheelHandler / frames;
    const double peer512 = vtkResliceScrollFps(ct, *window.document()->labels(), 512, frames);
    // Painting on the same 512 × 512 × 400 label map: a 10 mm brush dragged 3 px per move, each
    // move applied to the labels and the view re-rendered before the next.
    window.setInteractionMode(ui::InteractionMode::Paint);
    window.segmentEditor()->setBrushRadius(10);
    QPointF brushAt(view->width() * 0.3, view->height() * 0.5);
    sendMouse(view, QEvent::MouseButtonPress, brushAt, Qt::LeftButton);
    double brushPaint = 0, brushHandler = 0;
    const double brushFps = frameRate(view, 100, [&](int i) {
        brushAt += QPointF(i < 50 ? 3 : -3, 0.7);
        QElapsedTimer handler;  // the move's own work: brush applied, glyphs, corner text
        handler.start();
        sendMouse(view, QEvent::MouseMove, brushAt, Qt::LeftButton);
        brushHandler += handler.nsecsElapsed() / 1e6 / 100;
    }, &brushPaint);
    sendMouse(view, QEvent::MouseButtonRelease, brushAt, Qt::NoButton);
    window.setInteractionMode(ui::InteractionMode::WindowLevel);
    sizeViewTo(&window, view, 1024, 1024);
    const double scroll1024 = frameRate(view, frames / 2, scroll, &paint1024);
    const double peer1024 = vtkResliceScrollFps(ct, *window.document()->labels(), 1024, frames / 2);
    window.document()->setLabels(std::nullopt);
    if (qEnvironmentVariable("VIEWER_BENCH_ONLY") == "2d") {  // for profiling
        std::printf("scroll 512: %.1f fps (VTK reslice %.1f), wheel handled in %.2f ms, frame %.1f ms; 1024: %.1f fps (VTK reslice %.1f), frame %.1f ms; "
                    "brush move %.1f ms (handler %.2f ms), frame %.1f ms\n",
                    scroll512, peer512, wheel512, paint512, scroll1024, peer1024, paint1024, 1000.0 / brushFps, brushHandler, brushPaint);
        return 0;
    }

    // 3D: a 512² volume view, CT bone, rotated by a left drag; then the still frame.
    ui::VolumeView volume;
    volume.setDocument(window.document());
    volume.setPreset(render::VolumePreset::CtBone);
    volume.resize(512, 512);
    volume.show();
    // The 3D view renders a CT this large from a subsample made in the background: the rotation
    // starts once that is on screen (its first frame computes the ray caster's gradients).
    spin([&] { return volume.showsVolume() && volume.frameCount() > 0; });
    const auto shown = volume.frameCount();
    volume.redraw();
    spin([&] { return volume.frameCount() > shown; });
    QPointF at(256, 256);
    sendMouse(&volume, QEvent::MouseButtonPress, at, Qt::LeftButton);
    const double rotate = frameRate(&volume, 40, [&](int) {
        at += QPointF(6, 1);
        sendMouse(&volume, QEvent::MouseMove, at, Qt::LeftButton);
    });
    const auto before = volume.frameCount();
    sendMouse(&volume, QEvent::MouseButtonRelease, at, Qt::NoButton);
    spin([&] { return volume.frameCount() > before; });
    double still = 1e9;
    for (int i = 0; i < 3; ++i) {  // the full-quality frame, measured inside paintGL
        const auto n = volume.frameCount();
        volume.redraw();
        spin([&] { return volume.frameCount() > n; });
        still = std::min(still, volume.lastFrameMs());
    }
    const double smart = smartMapperFps(ct, 512, 3);

    row("import 400 files (headers, thumbnail)", ms(importMs), "", "never blocks");
    row("longest GUI stall during import", ms(importStall), "", "≤ 100 ms");
    row("first image after opening (warm cache)", ms(firstImageMs), "", "≤ 300 ms");
    row("whole series loaded (warm cache)", ms(loadedMs), "", "");
    row("longest GUI stall while loading", ms(loadStall), "", "≤ 100 ms");
    row("scroll + label overlay, 512²", fps(scroll512), fps(peer512) + " (VTK reslice mappers, no Qt)", "≥ 60 fps");
    row("scroll + label overlay, 1024²", fps(scroll1024), fps(peer1024) + " (VTK reslice mappers, no Qt)", "≥ 30 fps");
    row("brush move, 10 mm, applied + re-rendered (512² view, 512×512×400 labels)", ms(1000.0 / brushFps) + " per frame (move handled in " + QString::number(brushHandler, 'f', 2) + " ms, paintGL " + ms(brushPaint) + ")", "", "≤ 16 ms");
    row("3D rotate (reduced quality), 512²", fps(rotate), fps(smart) + " (vtkSmartVolumeMapper)", "≥ 15 fps");
    row("3D still frame (full quality), 512²", ms(still), "", "≤ 300 ms");
    return 0;
}
