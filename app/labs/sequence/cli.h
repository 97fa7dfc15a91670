// SPDX-License-Identifier: MIT
// The Sequence lab's dlcli subcommands: charlm and seqstudy (Qt-free; app/cli/command.h).
#pragma once
#include "app/cli/command.h"

#include "core/seq/char_trainer.h"

std::vector<dlcli::Command> sequenceCommands();
dlcli::Command seqstudyCommand(); // cli_seqstudy.cpp

// Shared by charlm and seqstudy: the corpus --corpus / --mode / --vocab-cap name (dinos and shakespeare from
// corpora/), and a run's settings (--cell, --hidden, --depth, --seq, --batch, --optimizer, --lr, --clip-*).
dl::CharCorpus corpusFromArgs(const dlcli::Args& a, std::string* path = nullptr);
dl::CorpusMode corpusModeFromArgs(const dlcli::Args& a); // --mode, by default from --corpus (a UsageError)
dl::CharRunSpec runSpecFromArgs(const dlcli::Args& a, bool lines);
