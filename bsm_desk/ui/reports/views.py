"""The pieces of the attendance dashboard: figure tables and the arrivals chart."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem


class FigureTable(QTableWidget):
    """A read-only table of text and numbers (numbers right-aligned, sortable)."""

    def __init__(self) -> None:
        super().__init__(0, 0)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)

    def fill(self, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        sorting = self.isSortingEnabled()
        self.setSortingEnabled(False)
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(list(headers))
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem()
                if isinstance(value, int | float):
                    item.setData(Qt.ItemDataRole.DisplayRole, value)
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                else:
                    item.setText("" if value is None else str(value))
                self.setItem(r, c, item)
        self.setSortingEnabled(sorting)
        # Names come first and may be long (session titles): give them room, not all of it.
        header = self.horizontalHeader()
        if self.columnCount() > 1:
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
            self.resizeColumnToContents(0)
            self.setColumnWidth(0, min(self.columnWidth(0), 460))
            for column in range(1, self.columnCount()):
                heading = self.horizontalHeaderItem(column)
                if heading is not None:
                    heading.setToolTip(heading.text())
            for r in range(self.rowCount()):
                cell = self.item(r, 0)
                if cell is not None:
                    cell.setToolTip(cell.text())


class ArrivalsChart(QChartView):
    """Entrance arrivals per 15 minutes, as bars."""

    def __init__(self) -> None:
        super().__init__()
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(260)
        self.bars = 0

    def show_quarters(self, quarters: Sequence[tuple[datetime, int]], label: str) -> None:
        chart = QChart()
        chart.legend().setVisible(False)
        chart.setTitle(label)
        series = QBarSeries()
        values = QBarSet(label)
        values.setColor(QColor("#1565c0"))
        values.append([float(n) for _, n in quarters])
        series.append(values)
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append([t.strftime("%H:%M") for t, _ in quarters])
        axis_x.setLabelsAngle(-60)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        axis_y = QValueAxis()
        axis_y.setRange(0, max([n for _, n in quarters] + [1]) * 1.1)
        axis_y.applyNiceNumbers()
        axis_y.setLabelFormat("%d")
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()
        self.bars = len(quarters)
