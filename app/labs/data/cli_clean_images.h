// SPDX-License-Identifier: MIT
// dlcli clean on an image folder (core/data/image_check.h): cli_clean.cpp hands a folder here.
#pragma once
#include "app/cli/command.h"

int cleanImages(const dlcli::Args& a);
