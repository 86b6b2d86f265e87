#include "hazards/hazard_deadlines.hpp"
