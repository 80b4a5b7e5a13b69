// Saves the two workspace test states alternately into FOLDER, forever (until killed), starting
// with state START: the crash test kills it with SIGKILL at random moments.
#include "WorkspaceStates.h"
#include "logic/Workspace.h"

#include <cstdlib>
#include <iostream>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: workspace_crash_writer FOLDER START\n";
        return 2;
    }
    lumen::logic::Workspace w(argv[1]);
    const lumen::core::AnnotationSet states[2] = {lumen::test::workspaceState(0), lumen::test::workspaceState(1)};
    for (int n = std::atoi(argv[2]);; ++n) {
        w.save(states[n % 2]);
        std::cout << "saved " << n % 2 << std::endl;
    }
}
