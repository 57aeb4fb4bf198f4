"""The Schedule section: qualification rule (trigger campaigns); Run now and a schedule (batch campaigns)."""

from __future__ import annotations

import time

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDateTime, QLocale, Signal
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDateTimeEdit, QGroupBox, QHBoxLayout, QLabel, QPushButton,
                               QRadioButton, QSpinBox, QVBoxLayout, QWidget)

from ... import language
from ..i18n import translate
from ..theme import set_role

# The repeat combo's words (its data: the keys the schedule stores), translated where the combo is filled.
REPEATS = {"none": QT_TRANSLATE_NOOP("ScheduleEditor", "Not scheduled"),
           "once": QT_TRANSLATE_NOOP("ScheduleEditor", "Once, at"),
           "daily": QT_TRANSLATE_NOOP("ScheduleEditor", "Every day, at"),
           "weekly": QT_TRANSLATE_NOOP("ScheduleEditor", "Every week, at")}


class ScheduleEditor(QWidget):
    changed = Signal()
    run_now_clicked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = "trigger"
        self.schedule_edited = False  # the date/time or repeat changed since load() (the scheduler moves "at")
        self._batch_qualification: dict = {"rule": "once"}

        # trigger campaigns: qualification rule
        self.once_radio = QRadioButton(translate("ScheduleEditor", "Once: each person runs through the flow only once"))
        self.every_time_radio = QRadioButton(translate("ScheduleEditor", "Every time the campaign is triggered"))
        self.every_n_radio = QRadioButton(translate("ScheduleEditor", "Once every"))
        self.days_spin = QSpinBox()
        self.days_spin.setRange(1, 3650)
        self.days_spin.setSuffix(translate("ScheduleEditor", " days"))
        self.rule_group = QButtonGroup(self)
        for radio in (self.once_radio, self.every_time_radio, self.every_n_radio):
            self.rule_group.addButton(radio)
        self.once_radio.setChecked(True)
        every_n = QHBoxLayout()
        every_n.addWidget(self.every_n_radio)
        every_n.addWidget(self.days_spin)
        every_n.addStretch(1)
        self.qualification_box = QGroupBox(translate(
            "ScheduleEditor", "Qualification rule: how often can one person run through the flow?"))
        box = QVBoxLayout(self.qualification_box)
        box.addWidget(self.once_radio)
        box.addWidget(self.every_time_radio)
        box.addLayout(every_n)

        # batch campaigns: run now, schedule
        self.run_now_button = QPushButton(translate("ScheduleEditor", "Run now…"))
        self.run_now_button.setToolTip(translate("ScheduleEditor",
                                                 "Preview how many people qualify now, then run the flow for them"))
        self.repeat_combo = QComboBox()
        for key, label in REPEATS.items():
            self.repeat_combo.addItem(translate("ScheduleEditor", label), key)
        self.at_edit = QDateTimeEdit()
        self.at_edit.setCalendarPopup(True)
        self.at_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.at_edit.setDateTime(_next_hour())
        self.schedule_hint = QLabel()
        set_role(self.schedule_hint, "hint")
        when = QHBoxLayout()
        when.addWidget(self.repeat_combo)
        when.addWidget(self.at_edit)
        when.addStretch(1)
        self.batch_box = QGroupBox(translate("ScheduleEditor", "Run"))
        box = QVBoxLayout(self.batch_box)
        run_row = QHBoxLayout()
        run_row.addWidget(self.run_now_button)
        run_row.addStretch(1)
        box.addLayout(run_row)
        box.addWidget(QLabel(translate("ScheduleEditor", "Schedule:")))
        box.addLayout(when)
        box.addWidget(self.schedule_hint)

        layout = QVBoxLayout(self)
        layout.addWidget(self.qualification_box)
        layout.addWidget(self.batch_box)
        layout.addStretch(1)

        self.rule_group.buttonToggled.connect(self._on_edit)
        self.days_spin.valueChanged.connect(self._on_edit)
        self.repeat_combo.currentIndexChanged.connect(self._on_edit)
        self.at_edit.dateTimeChanged.connect(self._on_edit)
        self.repeat_combo.currentIndexChanged.connect(self._on_schedule_edit)
        self.at_edit.dateTimeChanged.connect(self._on_schedule_edit)
        self.run_now_button.clicked.connect(self.run_now_clicked)

    def load(self, kind: str, qualification: dict, schedule: dict | None) -> None:
        blocked = self.blockSignals(True)
        try:
            self.kind = kind
            self.qualification_box.setVisible(kind == "trigger")
            self.batch_box.setVisible(kind == "batch")
            self._batch_qualification = dict(qualification or {"rule": "once"})
            rule = (qualification or {}).get("rule", "once")
            {"every_time": self.every_time_radio, "every_n_days": self.every_n_radio}.get(
                rule, self.once_radio).setChecked(True)
            days = (qualification or {}).get("days")
            self.days_spin.setValue(days if isinstance(days, int) and days > 0 else 7)
            schedule = schedule if isinstance(schedule, dict) else None
            if schedule and isinstance(schedule.get("at"), (int, float)):
                self.at_edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(schedule["at"])))
                repeat = schedule.get("repeat") or "once"
            else:
                self.at_edit.setDateTime(_next_hour())
                repeat = "none"
            self.repeat_combo.setCurrentIndex(max(self.repeat_combo.findData(repeat), 0))
            self._update_hint()
        finally:
            self.blockSignals(blocked)
        self.schedule_edited = False

    def qualification(self) -> dict:
        if self.kind != "trigger":
            return dict(self._batch_qualification)
        if self.every_time_radio.isChecked():
            return {"rule": "every_time"}
        if self.every_n_radio.isChecked():
            return {"rule": "every_n_days", "days": self.days_spin.value()}
        return {"rule": "once"}

    def schedule(self) -> dict | None:
        repeat = self.repeat_combo.currentData()
        if self.kind != "batch" or repeat == "none":
            return None
        at = int(self.at_edit.dateTime().toSecsSinceEpoch())
        return {"at": at - at % 60, "repeat": None if repeat == "once" else repeat}  # whole minutes, as shown

    def _on_schedule_edit(self, *_args) -> None:
        self.schedule_edited = True

    def _on_edit(self, *_args) -> None:
        self.days_spin.setEnabled(self.every_n_radio.isChecked())
        self._update_hint()
        self.changed.emit()

    def _update_hint(self) -> None:
        self.days_spin.setEnabled(self.every_n_radio.isChecked())
        repeat = self.repeat_combo.currentData()
        self.at_edit.setEnabled(repeat != "none")
        moment = self.at_edit.dateTime()
        past = repeat == "once" and moment.toSecsSinceEpoch() < time.time()
        # Day and month names in the person's language (QDateTime.toString alone writes them in English).
        locale = QLocale(language.language())
        date, time_of_day, day = (locale.toString(moment, "dddd d MMMM yyyy"), locale.toString(moment, "HH:mm"),
                                  locale.toString(moment, "dddd"))
        start = locale.toString(moment, "yyyy-MM-dd")
        if repeat == "none":
            words = translate("ScheduleEditor", "Runs only when you click Run now.")
        elif repeat == "once" and past:
            words = translate("ScheduleEditor", "Runs once on {date} at {time} — that time has passed.")
        elif repeat == "once":
            words = translate("ScheduleEditor", "Runs once on {date} at {time}.")
        elif repeat == "daily":
            words = translate("ScheduleEditor", "Runs every day at {time}, from {start}.")
        elif repeat == "weekly":
            words = translate("ScheduleEditor", "Runs every {day} at {time}, from {start}.")
        else:
            words = ""
        self.schedule_hint.setText(words.format(date=date, time=time_of_day, day=day, start=start))
        set_role(self.schedule_hint, "warning" if past else "hint")


def _next_hour() -> QDateTime:
    now = QDateTime.currentDateTime()
    clock = now.time()
    return now.addSecs(3600 - clock.minute() * 60 - clock.second()).addMSecs(-clock.msec())
