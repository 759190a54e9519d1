<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<!-- Qt's own strings that the qtbase_ru.qm shipped with PySide6 leaves in English (the
     file dialog's labels gained an accelerator in Qt 6). Installed after Qt's own
     translation, so it only fills gaps. -->
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Папка:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;Тип файлов:</translation>
    </message>
    <message>
        <source>&amp;File name:</source>
        <translation>&amp;Имя файла:</translation>
    </message>
</context>
</TS>
