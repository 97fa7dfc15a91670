// SPDX-License-Identifier: MIT
#include "app/labs.h"

#include "app/labs/data/data_page.h"
#include "app/labs/detection/detection_page.h"
#include "app/labs/dynamics/dynamics_page.h"
#include "app/labs/faces/faces_page.h"
#include "app/labs/images/images_page.h"
#include "app/labs/playground/playground_page.h"
#include "app/labs/sequence/sequence_page.h"
#include "app/labs/style/style_page.h"

namespace lab {

std::vector<LabPage*> makeLabs()
{
    return {
        new PlaygroundPage,
        new ImagesPage,
        new DetectionPage,
        new StylePage,
        new SequencePage,
        new FacesPage,
        new DynamicsPage,
        new DataPage,
    };
}

} // namespace lab
