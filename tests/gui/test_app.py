"""Around the workbench: language, annotators, import dialog, fonts, errors, start-up, the model."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.gui.dialogs.annotator_dialog import AnnotatorDialog
from annotator.gui.dialogs.project_dialogs import ProjectDialogs
from annotator.gui.operations import projects

from .helpers import finish_job, press

ARTICLE = "夏季行动成果\n全市抓获犯罪嫌疑人195名,同比下降12.5%。\n"


@pytest.fixture(autouse=True)
def english_after():
    yield
    from annotator.gui import i18n

    i18n.install_language("en")


def test_language_switch_to_chinese_and_back(qtbot, window):
    window.session.go_to(window.session.article_id, window.session.sentence_id)
    window.acts["lang_zh"].trigger()
    titles = [a.text() for a in window.menuBar().actions()]
    assert "文件(&F)" in titles and "标注(&A)" in titles
    assert window.form.label_buttons["statistic"].text().endswith("统计")
    # the keys still work after the rebuild
    with qtbot.waitActive(window):
        window.activateWindow()
    window.view.setFocus()
    press(qtbot, window, Qt.Key.Key_1)
    assert window.session.state().labels == ("statistic",)
    window.acts["lang_en"].trigger()
    assert "&File" in [a.text() for a in window.menuBar().actions()]
    from annotator.gui import settings

    assert settings.get("language") == "en"


def test_switch_annotator_shows_their_own_layer(qtbot, window, monkeypatch, store):
    press(qtbot, window, Qt.Key.Key_1)
    monkeypatch.setattr(AnnotatorDialog, "ask", classmethod(lambda cls, *a: "bob"))
    window.acts["switch_annotator"].trigger()
    assert window.session.annotator.name == "bob"
    assert window.session.state().labels == ()
    assert "bob" in window.status_annotator.text()
    from annotator.gui import settings

    assert settings.get("annotator") == "bob"


def test_import_dialog_imports_in_the_background(qtbot, window, tmp_path, store):
    (tmp_path / "new.txt").write_text(ARTICLE, encoding="utf-8")
    before = len(window.articles.article_ids())
    monkeypatch_files = [tmp_path / "new.txt"]
    job = projects.import_paths(window, monkeypatch_files)
    finish_job(qtbot, window, job.done)
    assert len(window.articles.article_ids()) == before + 1
    assert "imported 1 article(s)" in window.statusBar().currentMessage()


def test_import_of_a_bad_file_shows_an_error_and_imports_nothing(qtbot, window, tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    before = len(window.articles.article_ids())
    job = projects.import_paths(window, [tmp_path])
    (exc,) = finish_job(qtbot, window, job.failed)
    assert "bad.txt" in str(exc)
    boxes = [w for w in window.findChildren(QMessageBox) if w.objectName() == "error_dialog"]
    assert boxes and "bad.txt" in boxes[-1].text()
    window.articles.reload()
    assert len(window.articles.article_ids()) == before


def test_cancelled_import_leaves_nothing(qtbot, window, tmp_path):
    for i in range(3):
        (tmp_path / f"a{i}.txt").write_text(ARTICLE.replace("195", str(100 + i)), encoding="utf-8")
    before = len(window.articles.article_ids())
    job = projects.import_paths(window, [tmp_path])
    job.cancel()  # as the dialog's Cancel button does
    (exc,) = finish_job(qtbot, window, job.failed)
    assert "cancelled" in str(exc)
    window.articles.reload()
    assert len(window.articles.article_ids()) == before


def test_menu_import_files_uses_the_file_dialog(qtbot, window, tmp_path, monkeypatch):
    chosen = tmp_path / "x.txt"
    chosen.write_text(ARTICLE, encoding="utf-8")
    asked = []

    def article_files(cls, parent):
        asked.append(parent)
        return [chosen]

    monkeypatch.setattr(ProjectDialogs, "article_files", classmethod(article_files))
    before = set(window.articles.article_ids())
    window.acts["import_files"].trigger()
    assert asked == [window]
    finish_job(qtbot, window, window.runner.job.done)
    (new,) = set(window.articles.article_ids()) - before
    summary = window.articles.summary(new)
    assert summary.title == "夏季行动成果" and summary.source.endswith("x.txt")


def test_open_and_new_project_from_the_menu(qtbot, window, tmp_path, monkeypatch, template_db):
    import shutil

    other = tmp_path / "other.db"
    shutil.copy(template_db, other)
    monkeypatch.setattr(ProjectDialogs, "open_project", classmethod(lambda cls, parent: other))
    window.acts["open_project"].trigger()
    assert window.session.store.path == other
    assert len(window.articles.article_ids()) == 5
    fresh = tmp_path / "fresh.db"
    monkeypatch.setattr(
        ProjectDialogs, "new_project", classmethod(lambda cls, parent: (fresh, None))
    )
    window.acts["new_project"].trigger()
    assert window.session.store.path == fresh and window.articles.article_ids() == []
    from annotator.gui import settings

    assert settings.recent_projects()[:2] == [str(fresh), str(other)]


def test_opening_a_file_that_is_not_a_project_shows_an_error(qtbot, window, tmp_path, monkeypatch):
    bad = tmp_path / "notes.db"
    bad.write_text("hello", encoding="utf-8")
    path_before = window.session.store.path
    monkeypatch.setattr(ProjectDialogs, "open_project", classmethod(lambda cls, parent: bad))
    window.acts["open_project"].trigger()
    boxes = [w for w in window.findChildren(QMessageBox) if w.objectName() == "error_dialog"]
    assert boxes and "notes.db" in boxes[-1].text()
    assert window.session.store.path == path_before


def test_font_banner_shows_only_without_a_cjk_font(qtbot, session):
    from annotator.gui.main_window import MainWindow

    from .helpers import show_active

    win = show_active(qtbot, MainWindow(session, font_missing=True))
    assert win.banner.isVisible() and "fonts-noto-cjk" in win.banner.text()
    win.close()
    win2 = show_active(qtbot, MainWindow(session, font_missing=False))
    assert not win2.banner.isVisible()


def test_a_cjk_font_is_installed_for_these_tests():
    from annotator.gui.fonts import find_cjk_font

    assert find_cjk_font(), "install fonts-wqy-microhei (the CI script does)"


def test_article_list_model_passes_the_model_tester(qtmodeltester, session):
    from annotator.gui.models.article_list import ArticleFilter, ArticleListModel

    model = ArticleListModel(session, session)
    qtmodeltester.check(model)
    proxy = ArticleFilter(model)
    qtmodeltester.check(proxy)
    proxy.set_text("冠县")
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 1


def test_main_asks_the_name_on_first_start_and_opens_the_project(qtbot, db_path, monkeypatch):
    from annotator.gui import app, settings

    seen = {}
    monkeypatch.setattr(AnnotatorDialog, "ask", classmethod(lambda cls, *a: "carol"))

    def fake_exec(self=None):
        win = next(
            w
            for w in QApplication.topLevelWidgets()
            if w.objectName() == "main_window"
            and w.isVisible()
            and w.session.store.path == Path(db_path)
        )
        seen["title"] = win.windowTitle()
        seen["annotator"] = win.session.annotator.name
        win.close()
        win.deleteLater()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert app.main(db=Path(db_path)) == 0
    assert seen == {"title": "annotator — project — carol — project.db", "annotator": "carol"}
    assert settings.get("annotator") == "carol"


def test_cli_without_a_command_starts_the_workbench(monkeypatch, db_path):
    from click.testing import CliRunner

    from annotator.cli import cli
    from annotator.gui import app

    calls = []
    monkeypatch.setattr(
        app, "main", lambda db=None, annotator=None: calls.append((db, annotator)) or 0
    )
    result = CliRunner().invoke(cli, ["--db", str(db_path), "--annotator", "dora"])
    assert result.exit_code == 0 and calls == [(Path(db_path), "dora")]


def test_the_installed_qt_binding_keeps_none_alive():
    # PySide6 6.12.0 on Python 3.11 loses a reference to None per void call (see gui/compat.py)
    from annotator.gui.compat import binding_leaks_none

    assert not binding_leaks_none(), "reinstall with the pyproject pin: PySide6-Essentials<6.12"


def test_without_a_display_the_cli_says_how_to_run_it(monkeypatch):
    from click.testing import CliRunner

    from annotator.cli import cli

    monkeypatch.setattr("sys.platform", "linux")
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    result = CliRunner().invoke(cli, [])
    assert result.exit_code == 1 and "xvfb-run annotator" in result.output
