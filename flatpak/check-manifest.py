#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the Flatpak manifest for the properties Switchyard relies on.

Usage: check-manifest.py path/to/io.github.switchyard.Switchyard.json
Exits 0 when the manifest is fine, 1 with a message otherwise.
"""

import json
import sys

APP_ID = 'io.github.switchyard.Switchyard'
FINISH_ARGS = {'--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri'}


class ManifestError(Exception):
    pass


def require(condition, message):
    if not condition:
        raise ManifestError(message)


def check(manifest):
    require(isinstance(manifest, dict), 'the manifest must be a JSON object')
    require(manifest.get('id') == APP_ID,
            'id must be {!r}, found {!r}'.format(APP_ID, manifest.get('id')))
    require(manifest.get('runtime') == 'org.gnome.Platform',
            'runtime must be org.gnome.Platform, found {!r}'.format(manifest.get('runtime')))
    require(manifest.get('sdk') == 'org.gnome.Sdk',
            'sdk must be org.gnome.Sdk, found {!r}'.format(manifest.get('sdk')))
    require(isinstance(manifest.get('runtime-version'), str),
            'runtime-version must be a string, found {!r}'.format(manifest.get('runtime-version')))
    require(manifest.get('command') == 'switchyard',
            'command must be switchyard, found {!r}'.format(manifest.get('command')))

    finish_args = manifest.get('finish-args')
    require(isinstance(finish_args, list), 'finish-args must be a list')
    filesystem = [arg for arg in finish_args if str(arg).startswith('--filesystem')]
    require(not filesystem,
            'finish-args must not grant file system access (files go through portals): {}'
            .format(', '.join(filesystem)))
    require(set(finish_args) == FINISH_ARGS and len(finish_args) == len(FINISH_ARGS),
            'finish-args must be exactly {}, found {}'
            .format(sorted(FINISH_ARGS), finish_args))

    modules = manifest.get('modules')
    require(isinstance(modules, list), 'modules must be a list')
    app = [m for m in modules if isinstance(m, dict) and m.get('name') == 'switchyard']
    require(len(app) == 1, 'there must be exactly one module named switchyard')
    module = app[0]
    require(module.get('buildsystem') == 'meson',
            'module switchyard must use buildsystem meson, found {!r}'
            .format(module.get('buildsystem')))
    sources = module.get('sources')
    require(isinstance(sources, list)
            and any(isinstance(s, dict) and s.get('type') == 'dir' and s.get('path')
                    for s in sources),
            'module switchyard must have a source of type dir with a path')
    require(module.get('run-tests') is True, 'module switchyard must set run-tests to true')


def main(argv):
    if len(argv) != 2:
        print('usage: {} MANIFEST'.format(argv[0]), file=sys.stderr)
        return 1
    path = argv[1]
    try:
        with open(path, encoding='utf-8') as f:
            manifest = json.load(f)
    except OSError as e:
        print('{}: cannot read: {}'.format(path, e), file=sys.stderr)
        return 1
    except ValueError as e:
        print('{}: not valid JSON: {}'.format(path, e), file=sys.stderr)
        return 1
    try:
        check(manifest)
    except ManifestError as e:
        print('{}: {}'.format(path, e), file=sys.stderr)
        return 1
    print('{}: OK'.format(path))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
