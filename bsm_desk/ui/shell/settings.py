"""Desk settings: the desk's name (shown on every record it makes) and its id."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bsm_desk import config
from bsm_desk.ui.shell.i18n import follow_language
from bsm_desk.ui.shell.theme import give_role


class SettingsDialog(QDialog):
    def __init__(self, settings: config.Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.name = QLineEdit(settings.desk_name)
        self.name.setMaxLength(60)
        self.desk_id = QLabel(settings.desk_id)
        self.desk_id.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name_label = QLabel()
        self.name_label.setBuddy(self.name)
        self.id_label = QLabel()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        give_role(self.hint, "subtitle")
        self.sounds = QCheckBox()
        self.sounds.setChecked(settings.sounds)
        self.camera_label = QLabel()
        self.camera = QComboBox()
        self.camera.addItem("", "")
        from bsm_desk.ui.checkin.camera import cameras  # QtMultimedia: only when the dialog opens

        for camera_id, description in cameras():
            self.camera.addItem(description, camera_id)
        self.camera.setCurrentIndex(max(self.camera.findData(settings.camera), 0))
        self.camera_label.setBuddy(self.camera)
        self.backups_label = QLabel()
        self.backups = QLineEdit(settings.backup_folder)
        self.backups.setClearButtonEnabled(True)
        self.backups_label.setBuddy(self.backups)
        self.browse = QPushButton()
        self.browse.clicked.connect(self._choose_folder)
        backups_row = QHBoxLayout()
        backups_row.addWidget(self.backups, 1)
        backups_row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self.name_label, self.name)
        form.addRow(self.id_label, self.desk_id)
        form.addRow("", self.sounds)
        form.addRow(self.camera_label, self.camera)
        form.addRow(self.backups_label, backups_row)
        self.lock_label = QLabel()
        self.lock_after = QSpinBox()
        self.lock_after.setRange(1, 240)
        self.lock_after.setValue(config.lock_after_s(settings) // 60)
        self.lock_label.setBuddy(self.lock_after)
        form.addRow(self.lock_label, self.lock_after)
        # No camera on this machine: no camera choice at all, rather than an empty one.
        self.camera.setVisible(self.camera.count() > 1)
        self.camera_label.setVisible(self.camera.count() > 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.name.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        follow_language(self)

    def accept(self) -> None:
        self.settings.desk_name = self.name.text().strip()
        self.settings.sounds = self.sounds.isChecked()
        self.settings.camera = str(self.camera.currentData() or "")
        self.settings.backup_folder = self.backups.text().strip()
        self.settings.lock_after_min = self.lock_after.value()
        config.save(self.settings)
        super().accept()

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for automatic backups"),
                                                  self.backups.text())
        if chosen:
            self.backups.setText(chosen)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Desk settings"))
        self.name_label.setText(self.tr("Desk &name:"))
        self.id_label.setText(self.tr("Desk id:"))
        self.sounds.setText(self.tr("Play a &sound for each check-in verdict"))
        self.camera_label.setText(self.tr("&Camera for scanning:"))
        self.camera.setItemText(0, self.tr("None"))
        self.backups_label.setText(self.tr("Automatic &backups in:"))
        self.backups.setPlaceholderText(self.tr("a folder beside the event file"))
        self.browse.setText(self.tr("Choose…"))
        self.lock_label.setText(self.tr("&Lock the screen after:"))
        self.lock_after.setSuffix(self.tr(" min idle (events with operators)"))
        self.hint.setText(self.tr("The desk name and id are stored with everything this desk "
                                  "records, so that the work of several desks can be told "
                                  "apart and merged."))
