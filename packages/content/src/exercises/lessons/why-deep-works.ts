import { defineExercises } from "../define.ts";

export default defineExercises([
  {
    id: "deep-feature-order",
    kind: "ordering",
    prompt:
      "A deep network has been trained to recognise objects in photos. Order what its layers typically respond to, from the first layers (near the input) to the last.",
    items: [
      { id: "edges", text: "Edges and patches of colour" },
      { id: "textures", text: "Textures and simple shapes, such as stripes, fur or circles" },
      { id: "parts", text: "Parts of objects, such as an eye, a wheel or a handle" },
      { id: "objects", text: "Whole objects, such as a face, a car or a cup" },
    ],
    hints: [
      "Each layer can only combine what the layer before it found.",
      "Start from the simplest thing you can see in a handful of neighbouring pixels.",
    ],
    explanation:
      "Early layers see small groups of pixels and respond to edges and colours. The next layers combine edges into textures and simple shapes, later layers combine those into parts, and the last layers into whole objects. Each level is built from the one below it, which is why depth helps: complex features are assembled from simpler ones instead of being detected from raw pixels in one go.",
  },
  {
    id: "deep-who-programs",
    kind: "choice",
    multiple: false,
    prompt:
      "Researchers open up a trained image network and find neurons in an early layer that react to edges. How did those edge detectors get there?",
    options: [
      {
        id: "emerged",
        text: "They emerged during training, because detecting edges helped lower the loss",
      },
      { id: "programmed", text: "A programmer wrote edge-detecting rules into the first layer" },
      { id: "copied", text: "They were copied from a model of the human eye before training" },
      {
        id: "random",
        text: "They were there from the start: the random initial weights happened to form edges",
      },
    ],
    correct: ["emerged"],
    hints: [
      "What does the training loop change, and what is it trying to reduce?",
      "Nobody tells the network what its hidden neurons should look for.",
    ],
    explanation:
      "Nobody designs the hierarchy. The network starts from random weights, and gradient descent only ever asks one thing: which small change of each weight lowers the loss? Edge detectors turn out to be a useful first step towards recognising objects, so they appear on their own. The same training loop, on different data, produces completely different features.",
  },
  {
    id: "deep-circle-goal",
    kind: "goal",
    prompt:
      "The points of this playground form two classes: a disc in the middle and a ring around it, with a little noise. The playground starts with a single hidden neuron, which can only draw one straight line, so it cannot separate them.\nChange the hidden layers so the network reaches a test loss of 0.15 or less after 3,000 training steps, using at most 4 hidden neurons in total.",
    goal: {
      type: "playground",
      maxTestLoss: 0.15,
      maxHiddenNeurons: 4,
      steps: 3000,
      preset: { dataset: "circle", noise: 0.1, hiddenLayers: [1], learningRate: 0.1 },
    },
    hints: [
      "Each neuron in the first hidden layer draws one straight line across the plane. How many straight lines do you need to fence in the middle?",
      "Two lines cannot close off a region; a triangle needs three.",
      "Try one hidden layer with 3 or 4 neurons. If the loss falls too slowly with 3, try ReLU or a learning rate of 0.3.",
    ],
    explanation:
      "A single hidden neuron, or none at all, can only split the plane with one straight line, so the test loss stays around 0.6 or higher, little better than guessing (0.69). With one hidden layer of 4 neurons, each neuron draws its own line, and the output neuron combines the four into a closed shape around the disc: a feature the network built itself. On the server this set-up (tanh, learning rate 0.1) reaches a test loss of about 0.08. Three well-trained neurons can also do it, because three lines already enclose a triangle. Another route: giving the network x₁² and x₂² as inputs solves the circle with no hidden layer, because those inputs already are the right feature; hidden layers are how a network finds such features without being told.",
  },
  {
    id: "deep-language-models",
    kind: "choice",
    multiple: true,
    prompt:
      "Which of these statements about large language models are true? Select all that apply.",
    options: [
      {
        id: "same-neuron",
        text: "They are built from the same weighted sums and activations as the neuron in lesson 1",
      },
      {
        id: "same-loop",
        text: "They are trained with the same loop: forward pass, loss, backpropagation, update",
      },
      {
        id: "attention",
        text: "They add attention layers, which let each word weigh up the other words around it",
      },
      {
        id: "rules",
        text: "Their grammar rules are written by programmers, then fine-tuned by the network",
      },
      {
        id: "biology",
        text: "They work because their artificial neurons behave like the biological neurons in a brain",
      },
    ],
    correct: ["same-neuron", "same-loop", "attention"],
    hints: [
      "Think about what is new in a language model and what is the same as in the rest of this course.",
      "Does anyone write rules into a network, or do the weights come from training?",
    ],
    explanation:
      "A large language model is the same humble unit, multiply, add and activate, stacked very deep and very wide, with attention layers that mix information between the words of a text. It learns with the same forward pass, cross-entropy loss on the next word, backpropagation and gradient-descent update, on enormous amounts of text. No grammar rules are programmed in, and the resemblance to brain cells is only a loose metaphor: the machinery is multiplication, addition and slopes, at a huge scale.",
  },
]);
