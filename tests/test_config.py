"""The desk's settings file, from every earlier version's format to this one, a step at
a time (as Picard upgrades its config), one test per step; a newer version's file keeps
what this version does not know."""

from __future__ import annotations

import json

from bsm_desk import config


def test_step_2_check_in_came() -> None:
    found = config._v2_checkin({"desk_id": "d", "language": "ru"})
    assert found == {"checkpoint": "", "sounds": "on", "camera": "", "desk_id": "d",
                     "language": "ru"}
    assert config._v2_checkin({"sounds": "off"})["sounds"] == "off"  # kept if there


def test_step_3_backups_came_and_sounds_read_on_off() -> None:
    assert config._v3_backups({})["backup_folder"] == ""
    assert config._v3_backups({"sounds": False})["sounds"] == "off"
    assert config._v3_backups({"sounds": True})["sounds"] == "on"
    assert config._v3_backups({"backup_folder": "/srv/b"})["backup_folder"] == "/srv/b"


def test_step_4_operators_came() -> None:
    assert config._v4_operators({})["lock_after_min"] == "5"
    assert config._v4_operators({"lock_after_min": 10})["lock_after_min"] == "10"


def test_a_first_release_file_is_brought_up_to_this_version() -> None:
    first = {"desk_id": "x", "desk_name": "Desk 3", "language": "ru", "last_db": "/e.sqlite"}
    found = config.upgrade(first)
    assert found[config.VERSION] == config.LATEST
    assert found["checkpoint"] == "" and found["backup_folder"] == ""
    assert found["lock_after_min"] == 5 and found["desk_name"] == "Desk 3"
    assert found["sounds"] is True


def test_loading_an_old_file_upgrades_it_on_disk() -> None:
    path = config.settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"desk_id": "old-desk", "desk_name": "Desk 2",
                                "language": "ru", "sounds": False}), encoding="utf-8")
    settings = config.load()
    assert (settings.desk_id, settings.language, settings.sounds) == ("old-desk", "ru", False)
    assert json.loads(path.read_text(encoding="utf-8"))[config.VERSION] == config.LATEST


def test_a_newer_versions_file_keeps_what_this_one_does_not_know() -> None:
    path = config.settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({config.VERSION: config.LATEST + 2, "desk_id": "new-desk",
                                "printer_queue": "Zebra ZC300", "language": "en"}),
                    encoding="utf-8")
    settings = config.load()
    settings.desk_name = "Desk 9"
    config.save(settings)
    kept = json.loads(path.read_text(encoding="utf-8"))
    assert kept["printer_queue"] == "Zebra ZC300"
    assert kept[config.VERSION] == config.LATEST + 2 and kept["desk_name"] == "Desk 9"


def test_a_damaged_file_does_not_stop_the_desk() -> None:
    path = config.settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\xff\xfe not json at all")
    assert config.load().language == "en"


def test_settings_are_typed_and_a_wrong_value_in_the_file_falls_back() -> None:
    """sounds is a true/false and the lock's minutes a number, in the file as in the
    program; a value of the wrong type or out of range reads as the default."""
    path = config.settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({config.VERSION: config.LATEST, "desk_id": "d",
                                "desk_name": "Desk 4", "sounds": "loud",
                                "lock_after_min": 9999, "language": ["ru"]}),
                    encoding="utf-8")
    settings = config.load()
    assert (settings.sounds, settings.lock_after_min, settings.language) == (True, 5, "en")
    settings.sounds, settings.lock_after_min = False, 12
    config.save(settings)
    kept = json.loads(path.read_text(encoding="utf-8"))
    assert kept["sounds"] is False and kept["lock_after_min"] == 12


def test_a_version_4_file_upgrades_to_typed_values() -> None:
    found = config.upgrade({config.VERSION: 4, "desk_id": "d", "sounds": "off",
                            "lock_after_min": "15"})
    assert (found["sounds"], found["lock_after_min"]) == (False, 15)
    assert config.upgrade({config.VERSION: 4, "lock_after_min": "x"})["lock_after_min"] == 5


def test_every_setting_has_one_option_with_its_type() -> None:
    from dataclasses import fields

    assert [o.name for o in config.OPTIONS] == [f.name for f in fields(config.Settings)]
    for option, f in zip(config.OPTIONS, fields(config.Settings), strict=True):
        assert option.kind.__name__ == f.type, option.name

