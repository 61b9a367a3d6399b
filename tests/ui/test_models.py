"""Every item model passes Qt's model tester, and the contact list pages lazily."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from desktop.app import Services
from desktop.records import EventRecord
from desktop.sample import SampleSize, generate_sample
from ui.models.contact_table import PAGE, ContactTableModel
from ui.models.record_table import Column, RecordTableModel
from ui.models.roles import ContactIdRole, RecordRole


def test_contact_model_passes_the_model_tester(
    services: Services, qtmodeltester: ModelTester
) -> None:
    generate_sample(services.vault, SampleSize(contacts=450, interactions=500, favours=50))
    model = ContactTableModel(services.contacts)
    model.reload()
    assert model.rowCount() == PAGE
    assert model.total() == 450
    qtmodeltester.check(model)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 450
    qtmodeltester.check(model)


def test_contact_model_sorts_in_the_vault(services: Services, qtmodeltester: ModelTester) -> None:
    generate_sample(services.vault, SampleSize(contacts=50, interactions=50, favours=5))
    model = ContactTableModel(services.contacts)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert names == sorted(names, key=str.casefold, reverse=True)
    model.sort(1, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model)


def test_contact_model_filters_by_ids_in_rank_order(
    services: Services, qtmodeltester: ModelTester
) -> None:
    generate_sample(services.vault, SampleSize(contacts=30, interactions=30, favours=5))
    model = ContactTableModel(services.contacts)
    model.set_filter([5, 2, 9])
    qtmodeltester.check(model)
    assert [model.index(r, 0).data(ContactIdRole) for r in range(3)] == [5, 2, 9]
    assert model.index(0, 0).data(RecordRole).id == 5
    model.set_service(None)
    assert model.rowCount() == 0


def test_record_table_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model: RecordTableModel[EventRecord] = RecordTableModel(
        [Column("Name", lambda e: e.name), Column("Date", lambda e: e.held_on.isoformat())]
    )
    qtmodeltester.check(model)
    model.set_records(
        [
            EventRecord(1, "Breakfast", date(2026, 11, 20), None, None),
            EventRecord(2, "Drinks", date(2026, 11, 21), "Bar", None),
        ]
    )
    qtmodeltester.check(model)
    assert model.index(1, 0).data() == "Drinks"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Date"
