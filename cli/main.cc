#include "cli/cli.h"

int main(int argc, char** argv) { return newsfacts::RunCli(argc, argv); }
