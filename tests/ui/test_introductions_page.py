"""The Introductions page and the contact page's matches, over a real vault."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from desktop.app import Services
from desktop.records import ContactInput
from tests.ui.conftest import add_people
from ui.dialogs.intro_outcome import OutcomeDialog
from ui.main_window import MainWindow
from ui.pages.introductions import NO_SUGGESTIONS, IntroductionsPage

WAIT = 5000


def _people(services: Services) -> dict[str, int]:
    ids = add_people(services)
    for key, data in {
        "Priya": ContactInput(
            name="Priya Shah", emails=("priya@bakery.example",), asks=("Need a bookkeeper",)
        ),
        "Dan": ContactInput(
            name="Dan Hughes", emails=("dan@books.example",), offers=("Bookkeeping and VAT",)
        ),
    }.items():
        ids[key] = services.contacts.add(data).id
    return ids


def _page(
    qtbot: QtBot, window: MainWindow, services: Services, suggested: int = 2
) -> IntroductionsPage:
    window.attach(services)
    window.show()
    window.go_to("introductions")  # pages load only while they are on screen
    page = window.introductions_page
    qtbot.waitUntil(lambda: page.suggestions.rowCount() == suggested, timeout=WAIT)
    return page


def _select_pair(page: IntroductionsPage, a: str) -> None:
    row = next(n for n, s in enumerate(page.suggestions.records()) if s.a == a)
    page.suggestion_table.selectRow(row)


def _text(model: Any, row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
    return model.data(model.index(row, column), role)


def test_suggestions_appear_with_their_reasons(
    qtbot: QtBot, window: MainWindow, services: Services, qtmodeltester: Any
) -> None:
    _people(services)
    page = _page(qtbot, window, services)

    pairs = {(_text(page.suggestions, r, 0), _text(page.suggestions, r, 2)) for r in range(2)}
    maya = next(why for between, why in pairs if between == "Maya Patel ↔ Tom Reed")
    assert "cartoonist for film" in maya
    assert page.suggestion_title.text() == "Suggested introductions (2)"
    assert page.suggestion_table.isVisibleTo(page)
    _select_pair(page, "Maya Patel")
    assert "cartoonist for film" in page.suggestion_detail.text()
    tip = _text(page.suggestions, 0, 2, Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("<p>") and tip.endswith("</p>")
    qtmodeltester.check(page.suggestions)


def test_propose_starts_the_introduction(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    ids = _people(services)
    page = _page(qtbot, window, services)
    _select_pair(page, "Maya Patel")

    page.propose_button.click()

    qtbot.waitUntil(lambda: len(services.introductions.list_introductions()) == 1, timeout=WAIT)
    intro = services.introductions.list_introductions()[0]
    assert (intro.a_id, intro.b_id, intro.stage) == (ids["Maya"], ids["Tom"], "proposed")
    assert "cartoonist" in intro.reason
    qtbot.waitUntil(lambda: page.progress.model.rowCount() == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: page.progress.selected() is not None, timeout=WAIT)
    assert "Proposed introducing Maya Patel and Tom Reed" in page.feedback.text()
    qtbot.waitUntil(lambda: page.suggestions.rowCount() == 1, timeout=WAIT)
    assert page.suggestions.records()[0].a == "Priya Shah"


def test_not_now_removes_the_pair_for_good(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    ids = _people(services)
    page = _page(qtbot, window, services)
    _select_pair(page, "Priya Shah")

    page.not_now_button.click()

    assert [s.a for s in page.suggestions.records()] == ["Maya Patel"]
    qtbot.waitUntil(
        lambda: services.introductions.list_introductions(stage="dismissed") != [], timeout=WAIT
    )
    page.reload()
    window.operations.wait()
    qtbot.waitUntil(lambda: page.suggestions.rowCount() == 1, timeout=WAIT)
    assert [s.a for s in page.suggestions.records()] == ["Maya Patel"]
    assert services.introductions.suggest(ids["Priya"]) == []
    assert page.progress.model.rowCount() == 0  # dismissed pairs are not "in progress"


def _in_progress(qtbot: QtBot, window: MainWindow, services: Services) -> IntroductionsPage:
    ids = _people(services)
    services.introductions.propose(ids["Priya"], ids["Dan"], "Priya needs a bookkeeper")
    page = _page(qtbot, window, services, suggested=1)
    qtbot.waitUntil(lambda: page.progress.model.rowCount() == 1, timeout=WAIT)
    page.progress.table.selectRow(0)
    return page


def _stage(services: Services) -> str:
    return services.introductions.list_introductions(include_dismissed=True)[0].stage


def test_stage_actions_take_an_introduction_to_its_outcome(
    qtbot: QtBot, window: MainWindow, services: Services, qtmodeltester: Any
) -> None:
    page = _in_progress(qtbot, window, services)
    progress = page.progress
    assert progress.ask_a_button.text() == "&Ask Priya"
    assert not progress.outcome_button.isEnabled()

    progress.make()
    qtbot.waitUntil(lambda: "has not answered yet" in page.feedback.text(), timeout=WAIT)
    assert _stage(services) == "proposed"

    progress.ask("a", True)
    qtbot.waitUntil(lambda: "Priya: yes" in _text(progress.model, 0, 2), timeout=WAIT)
    progress.ask("b", True)
    qtbot.waitUntil(lambda: "Dan: yes" in _text(progress.model, 0, 2), timeout=WAIT)
    qtbot.waitUntil(lambda: progress.selected() is not None, timeout=WAIT)

    progress.make()
    qtbot.waitUntil(lambda: _text(progress.model, 0, 1) == "Introduced", timeout=WAIT)
    assert len([f for f in services.favours.history() if f.introduction_id]) == 2
    qtbot.waitUntil(lambda: progress.outcome_button.isEnabled(), timeout=WAIT)

    progress.record_outcome("They meet every month", True)
    qtbot.waitUntil(lambda: _stage(services) == "outcome", timeout=WAIT)
    qtbot.waitUntil(lambda: progress.model.rowCount() == 0, timeout=WAIT)  # no longer open
    progress.filter.setCurrentIndex(progress.filter.findData("outcome"))
    assert _text(progress.model, 0, 2) == "Worked: They meet every month"
    qtmodeltester.check(progress.model)


def test_dismiss_drops_an_introduction(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    page = _in_progress(qtbot, window, services)

    page.progress.dismiss_button.click()

    qtbot.waitUntil(lambda: _stage(services) == "dismissed", timeout=WAIT)
    qtbot.waitUntil(lambda: page.progress.model.rowCount() == 0, timeout=WAIT)
    assert "Dismissed Priya Shah and Dan Hughes" in page.feedback.text()


def test_email_draft_opens_the_mail_program_and_copies(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    page = _in_progress(qtbot, window, services)
    opened: list[QUrl] = []
    page.progress.open_url = opened.append

    page.progress.open_email()
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT)
    url = opened[0]
    assert url.scheme() == "mailto"
    assert url.path() == "priya@bakery.example,dan@books.example"
    assert "Opened the email draft" in page.feedback.text()

    page.progress.copy_email()
    qtbot.waitUntil(lambda: "Copied" in page.feedback.text(), timeout=WAIT)
    copied = QGuiApplication.clipboard().text()
    assert "Subject: Introduction: Priya Shah and Dan Hughes" in copied
    assert "Priya needs a bookkeeper" in copied


def test_who_can_help_search(
    qtbot: QtBot, window: MainWindow, services: Services, qtmodeltester: Any
) -> None:
    _people(services)
    page = _page(qtbot, window, services)

    qtbot.keyClicks(page.need, "a cartoonist")
    qtbot.waitUntil(lambda: page.helpers.rowCount() >= 1, timeout=WAIT)

    assert _text(page.helpers, 0, 0) == "Tom Reed"
    assert _text(page.helpers, 0, 2) == "animation and illustration"
    assert "Tom Reed offers animation" in page.helper_detail.text()
    qtmodeltester.check(page.helpers)

    page.need.setText("a submarine captain")
    qtbot.waitUntil(lambda: page.helpers.rowCount() == 0, timeout=WAIT)
    assert "Nobody in your network offers" in page.helper_empty.text()
    assert page.helper_empty.isVisibleTo(page)


def test_empty_states_say_what_to_do(qtbot: QtBot, window: MainWindow, services: Services) -> None:
    services.contacts.add(ContactInput(name="Ana Silva"))
    window.attach(services)
    page = window.introductions_page
    page.reload()
    window.operations.wait()
    qtbot.waitUntil(lambda: page.suggestion_empty.isVisibleTo(page), timeout=WAIT)
    assert page.suggestion_empty.text() == NO_SUGGESTIONS
    assert page.progress.empty.isVisibleTo(page)
    assert "press Propose" in page.progress.empty.text()
    assert not page.propose_button.isEnabled()


def test_the_page_loads_only_when_shown(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    _people(services)
    window.show()
    window.attach(services)
    page = window.introductions_page
    window.operations.wait()
    assert page.suggestions.rowCount() == 0  # hidden: nothing computed yet

    window.go_to("introductions")
    qtbot.waitUntil(lambda: page.suggestions.rowCount() == 2, timeout=WAIT)


def test_the_contact_page_shows_who_could_help(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    ids = _people(services)
    window.attach(services)
    contacts = window.contacts_page
    panel = contacts.matches

    contacts.show_contact(ids["Maya"])
    qtbot.waitUntil(lambda: "Tom Reed" in panel.could_help_them.text(), timeout=WAIT)
    assert "Offers animation and illustration." in panel.could_help_them.text()
    assert "Nobody yet" in panel.they_could_help.text()
    assert panel.isVisibleTo(contacts)

    contacts.show_contact(ids["Tom"])
    qtbot.waitUntil(lambda: "Maya Patel" in panel.they_could_help.text(), timeout=WAIT)
    assert "Is looking for a cartoonist for film." in panel.they_could_help.text()
    with qtbot.waitSignal(panel.contact_activated, timeout=WAIT) as signal:
        panel.they_could_help.linkActivated.emit(f"contact:{ids['Maya']}")
    assert signal.args == [ids["Maya"]]

    services.relationships.relate(ids["Maya"], ids["Tom"])
    window.operations.announce(frozenset({"introductions"}))
    qtbot.waitUntil(lambda: "Maya Patel" not in panel.they_could_help.text(), timeout=WAIT)

    keeper = services.contacts.add(ContactInput(name="Zed Quay", asks=("a lighthouse keeper",)))
    contacts.show_contact(keeper.id)
    qtbot.waitUntil(lambda: "offers that yet" in panel.could_help_them.text(), timeout=WAIT)
    assert "note what they can help with" in panel.they_could_help.text()

    contacts.detail.clear()
    window.attach(services)
    assert not panel.isVisibleTo(contacts)


@pytest.mark.parametrize(("note", "worked"), [("Coffee, then a contract", True)])
def test_outcome_dialog(qtbot: QtBot, note: str, worked: bool) -> None:
    dialog = OutcomeDialog("Priya Shah", "Dan Hughes")
    qtbot.addWidget(dialog)
    dialog._accept_if_valid()
    assert "how the introduction went" in dialog.error.text()
    dialog.note.setPlainText(f"  {note}\n")
    dialog.did_not_work.setChecked(not worked)
    dialog._accept_if_valid()
    assert dialog.result() == 1
    assert dialog.values() == (note, worked)


def test_keys_propose_and_drop_suggestions(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    ids = _people(services)
    page = _page(qtbot, window, services)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)
    page.suggestion_table.setFocus()
    _select_pair(page, "Maya Patel")

    qtbot.keyClick(page.suggestion_table, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: len(services.introductions.list_introductions()) == 1, timeout=WAIT)
    assert services.introductions.list_introductions()[0].a_id == ids["Maya"]
    qtbot.waitUntil(lambda: page.suggestions.rowCount() == 1, timeout=WAIT)
    page.suggestion_table.setFocus()
    page.suggestion_table.selectRow(0)
    qtbot.keyClick(page.suggestion_table, Qt.Key.Key_Delete)
    qtbot.waitUntil(
        lambda: services.introductions.list_introductions(stage="dismissed") != [], timeout=WAIT
    )
    assert services.introductions.suggest(ids["Priya"]) == []


def test_delete_dismisses_the_introduction_in_progress(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    page = _in_progress(qtbot, window, services)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)
    page.progress.table.setFocus()

    qtbot.keyClick(page.progress.table, Qt.Key.Key_Delete)

    qtbot.waitUntil(lambda: _stage(services) == "dismissed", timeout=WAIT)


def test_every_action_has_a_keyboard_accelerator(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    page = window.introductions_page
    buttons = [
        page.propose_button,
        page.not_now_button,
        page.progress.ask_a_button,
        page.progress.ask_b_button,
        page.progress.make_button,
        page.progress.outcome_button,
        page.progress.email_button,
        page.progress.dismiss_button,
    ]
    keys = [b.text()[b.text().index("&") + 1].lower() for b in buttons]
    assert len(set(keys)) == len(keys)
