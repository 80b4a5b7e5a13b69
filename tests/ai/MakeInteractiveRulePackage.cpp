// Writes the interactive tests' rule "network" (AiTestSupport's kInteractiveRuleNetwork) as a
// model package named interactive-rule 1.0 into DIR: the AI click model of the viewer's tests,
// deterministic and untrained (tests/logic, tests/ui), made where Torch is at hand.
#include "AiTestSupport.h"

#include <exception>
#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: make_interactive_rule_package DIR\n";
        return 2;
    }
    try {
        lumen::ai::ModelManifest m = lumen::test::interactiveManifest(48);
        m.name = "interactive-rule";
        lumen::test::writePackage(argv[1], m, lumen::test::kInteractiveRuleNetwork);
    } catch (const std::exception& e) {
        std::cerr << "make_interactive_rule_package: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
